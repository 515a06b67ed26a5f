"""The Solara app: five pages (Explore, Compare, Learn, Sweeps, Glossary), one layout.

``samenspel dashboard`` runs ``solara run samenspel.dashboard.app``. The layout
(``layout.py``) has the page tabs, the Dutch/English switch and the title; the pages
are in ``explore.py``, ``compare.py``, ``learn.py``, ``sweeps.py`` and ``glossary.py``.
"""

from __future__ import annotations

import solara

from . import compare, explore, glossary, learn, sweeps
from .layout import PAGES, Layout

__all__ = ["PAGES", "routes"]

routes = [
    solara.Route(path="/", component=explore.Page, label="Explore", layout=Layout),
    solara.Route(path="compare", component=compare.Page, label="Compare"),
    solara.Route(path="learn", component=learn.Page, label="Learn"),
    solara.Route(path="sweeps", component=sweeps.Page, label="Sweeps"),
    solara.Route(path="glossary", component=glossary.Page, label="Glossary"),
]
