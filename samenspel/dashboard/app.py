"""The Solara app: three pages (Explore, Compare, Learn) under one layout.

``samenspel dashboard`` runs ``solara run samenspel.dashboard.app``. The layout has
the title, the page tabs and the Dutch/English switch; the pages are in
``explore.py``, ``compare.py`` and ``learn.py``.
"""

from __future__ import annotations

import solara
from solara.lab import headers

from . import compare, explore, i18n, learn
from .i18n import t

PAGES = (("", "nav_explore"), ("compare", "nav_compare"), ("learn", "nav_learn"))


@solara.component
def LanguageSwitch() -> None:
    """NL | EN toggle; changes every text on every page of this session."""
    solara.ToggleButtonsSingle(
        value=i18n.current(),
        values=list(i18n.LANGS),
        on_value=i18n.lang.set,
        dense=True,
        classes=["samenspel-lang"],
    )


@solara.component
def Layout(children: list | None = None) -> None:
    """Title bar with the page tabs and the language switch around every page."""
    router = solara.use_router()

    def settle_language() -> None:
        if not i18n.lang.value:
            i18n.lang.set(
                i18n.detect(
                    headers.value,  # type: ignore[attr-defined]
                    router.search,
                )
            )

    solara.use_effect(settle_language, [])
    here = router.path.strip("/").split("/")[0]
    solara.Title("samenspel")
    with solara.AppLayout(
        title=t("app_title"), navigation=False, color="#1b4f72", children=children or []
    ):
        with solara.AppBar():
            solara.AppBarTitle(t("app_title"))
            with solara.Row(gap="2px", style={"align-items": "center"}):
                for path, key in PAGES:
                    active = here == path
                    solara.Button(
                        t(key),
                        on_click=lambda p=path: router.push(f"/{p}"),
                        text=not active,
                        outlined=active,
                        dark=True,
                        classes=[f"samenspel-nav-{path or 'explore'}"],
                    )
                LanguageSwitch()


routes = [
    solara.Route(path="/", component=explore.Page, label="Explore", layout=Layout),
    solara.Route(path="compare", component=compare.Page, label="Compare"),
    solara.Route(path="learn", component=learn.Page, label="Learn"),
]
