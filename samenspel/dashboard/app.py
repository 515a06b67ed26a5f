"""The Solara app: four pages (Explore, Compare, Learn, Glossary) under one layout.

``samenspel dashboard`` runs ``solara run samenspel.dashboard.app``. The layout
(``layout.py``) has the page tabs, the Dutch/English switch and the title; the pages
are in ``explore.py``, ``compare.py``, ``learn.py`` and ``glossary.py``.
"""

from __future__ import annotations

import solara

from . import compare, explore, glossary, learn
from .layout import Layout

PAGES = (
    ("", "nav_explore"),
    ("compare", "nav_compare"),
    ("learn", "nav_learn"),
    ("glossary", "nav_glossary"),
)

routes = [
    solara.Route(path="/", component=explore.Page, label="Explore", layout=Layout),
    solara.Route(path="compare", component=compare.Page, label="Compare"),
    solara.Route(path="learn", component=learn.Page, label="Learn"),
    solara.Route(path="glossary", component=glossary.Page, label="Glossary"),
]
