"""Learn page: the model explained for lecturers and first-time users.

The sections (``learn_text.py``) are Markdown, turned into HTML here with the
``markdown`` package and shown as plain HTML: Solara's own Markdown component loads
extra scripts (KaTeX, Mermaid) from a CDN, which an offline network does not have.
Each "thing to try" has a button that loads its scenario on the Explore page.
"""

from __future__ import annotations

import markdown
import solara

from ..scenarios import load_scenario
from . import i18n, layout, session
from .i18n import t
from .learn_text import SECTIONS_AFTER_TRIES, SECTIONS_BEFORE_TRIES, TRIES, Section

STYLE = (
    "<style>.samenspel-learn{color:#222}.samenspel-learn strong{font-weight:700}"
    ".samenspel-learn blockquote{border-left:3px solid #1b4f72;margin:6px 0;"
    "padding:2px 12px;color:#333;background:#f4f7fa}.samenspel-learn p{margin:6px 0}"
    ".samenspel-learn li{margin:3px 0}</style>"
)


def to_html(text: str) -> str:
    """Markdown to HTML (no scripts, nothing fetched)."""
    return markdown.markdown(text, output_format="html")


@solara.component
def Block(section: Section) -> None:
    """One section as a card."""
    nl = i18n.nl()
    html = solara.use_memo(
        lambda: to_html(section.body_nl if nl else section.body_en), [section.key, nl]
    )
    with solara.Card(
        section.title_nl if nl else section.title_en, classes=[f"samenspel-learn-{section.key}"]
    ):
        solara.HTML(tag="div", unsafe_innerHTML=STYLE + html, classes=["samenspel-learn"])


@solara.component
def Tries() -> None:
    """Things to try, each with a button that opens its scenario on the Explore page."""
    router = solara.use_router()
    nl = i18n.nl()

    def open_scenario(name: str) -> None:
        session.select_scenario(name)
        router.push(layout.page_address(""))

    with solara.Card(
        i18n.pick("Dingen om te proberen", "Things to try"), classes=["samenspel-learn-tries"]
    ):
        for item in TRIES:
            try:
                title = load_scenario(item.scenario).title(i18n.current())
            except Exception:  # a missing scenario file must not break the page
                title = item.scenario
            with solara.Row(style={"align-items": "center", "margin-bottom": "8px"}):
                solara.Button(
                    t("try_button"),
                    small=True,
                    color="primary",
                    outlined=True,
                    on_click=lambda n=item.scenario: open_scenario(n),
                    classes=[f"samenspel-try-{item.scenario}"],
                )
                solara.HTML(
                    tag="div",
                    unsafe_innerHTML=to_html(item.nl if nl else item.en)
                    + f'<div style="font-size:0.8em;color:#666">{title}</div>',
                    classes=["samenspel-learn"],
                )


@solara.component
def Page() -> None:
    """The Learn page."""
    layout.PageTitle("nav_learn")
    with solara.Column(style={"max-width": "980px"}):
        for section in SECTIONS_BEFORE_TRIES:
            Block(section)
        Tries()
        for section in SECTIONS_AFTER_TRIES:
            Block(section)
