"""The Explore run as a story: what happened and why, each event linked to its week.

The text is ``samenspel.story.tell`` (the same as ``samenspel story``), read from the
event log the page's model keeps (``session.build`` turns it on). It is written only
while the panel is open and the run is paused: at play speed a story rewritten thirty
times a second would be unreadable and would cost every frame. A line about an event
has a button with its week; pressing it marks that week on the curves
(``session.marked``, drawn by ``frame.curves``) and scrolls them into view. The text is
one HTML block with native buttons (one widget, reachable by keyboard), like the
network view (``actors.NetworkView``). The story can be downloaded as
Markdown with the run's other exports.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipyvue
import solara
import traitlets

from ..story import Story, tell
from . import glossary, i18n, session
from .i18n import t

shown = solara.reactive(False)
"""Whether the story panel is open (per session, like every module-level reactive)."""


def current_story() -> Story | None:
    """The story of the session's run so far, in the session's language."""
    current = session.run.value
    if current is None:
        return None
    with current.lock:
        return tell(current.model, i18n.current())


def story_markdown() -> str:
    """The story as Markdown, for the download button."""
    story = current_story()
    return story.markdown() if story is not None else ""


def events_csv() -> str:
    """The events the run's log kept, as CSV (``EventLog.table``), for the download."""
    current = session.run.value
    if current is None:
        return ""
    with current.lock:
        return str(current.model.events.table().to_csv(index=False))


def mark(week: int) -> None:
    """Mark ``week`` on the curves (-1: remove the mark) and redraw them if paused."""
    session.marked.set(week)
    current = session.run.value
    if current is not None and not session.playing.value:
        session.publish(current)


@solara.component
def StoryPanel() -> None:
    """A closed panel with a button; open, the story of the run with its weeks."""
    is_shown = shown.value
    with solara.Div(classes=["samenspel-panel", "samenspel-story"]):
        with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}):
            solara.Text(t("story_title"), style={"font-weight": "600"})
            solara.Button(
                t("story_hide") if is_shown else t("story_show"),
                icon_name="mdi-book-open-variant",
                small=True,
                outlined=True,
                on_click=lambda: shown.set(not is_shown),
                classes=["samenspel-story-toggle"],
                attributes={"aria-expanded": "true" if is_shown else "false"},
            )
            glossary.InfoButton(glossary.CHART_TERMS["story"], t("about_chart"))
        if not is_shown:
            return
        if session.playing.value:
            solara.Text(t("story_paused"), style={"color": "#444"})
        else:
            StoryBody()


@solara.component
def StoryBody() -> None:
    """The story of the paused run, its week buttons and the download."""
    drawn, lang = session.frame.value, i18n.current()  # a new frame: a new week to tell
    story = solara.use_memo(current_story, [id(drawn), lang, id(session.run.value)])
    if story is not None:
        StoryView.element(html=story_html(story, session.marked.value))
        with solara.Row(style={"flex-wrap": "wrap"}):
            if session.marked.value >= 0:
                solara.Button(t("story_unmark"), small=True, text=True, on_click=lambda: mark(-1))
            solara.FileDownload(
                story_markdown, "story.md", label=t("story_download"), mime_type="text/markdown"
            )
            solara.FileDownload(
                events_csv, "events.csv", label=t("story_events"), mime_type="text/csv"
            )


class StoryView(ipyvue.VueTemplate):
    """The story as HTML; a week button marks its week and scrolls the curves into view."""

    template = traitlets.Unicode(
        """<template>
  <div class="samenspel-story-text" v-html="html" @click="clicked"></div>
</template>
<script>
module.exports = {
  methods: {
    clicked(event) {
      const button = event.target.closest('[data-week]');
      if (!button) { return; }
      this.mark(+button.dataset.week);
      const curves = document.querySelector('.samenspel-charts');
      if (curves) {
        curves.style.scrollMarginTop = '64px';  // below the fixed top bar
        curves.scrollIntoView({behavior: 'smooth', block: 'start'});
      }
    },
  },
};
</script>"""
    ).tag(sync=True)
    html = traitlets.Unicode("").tag(sync=True)

    def vue_mark(self, data: Any) -> None:
        """Called from the browser with the pressed button's week."""
        mark(int(data))


def story_html(story: Story, marked: int) -> str:
    """The sections of ``story`` as HTML; a line about an event starts with its week."""
    out = [f'<div style="font-weight:600">{escape(story.title)}</div>']
    for section in story.sections:
        out.append(
            f'<div class="samenspel-story-heading" style="font-weight:600;margin-top:8px">'
            f"{escape(section.heading)}</div>"
        )
        for line in section.lines:
            button = ""
            if line.week is not None:
                on = line.week == marked
                button = (
                    f'<button type="button" class="samenspel-story-week" data-week="{line.week}" '
                    f'aria-label="{escape(t("story_mark", week=line.week))}" '
                    f'aria-pressed="{"true" if on else "false"}" style="{_BUTTON}'
                    f'{"background:#1a4f8b;color:#fff;" if on else ""}">'
                    f"{escape(t('marked_week', week=line.week))}</button>"
                )
            out.append(
                f'<div class="samenspel-story-line" style="display:flex;gap:6px;'
                f'align-items:baseline;margin:3px 0;font-size:14px">{button}'
                f"<span>{escape(line.text)}</span></div>"
            )
    return "".join(out)


_BUTTON = (
    "flex:none;border:1px solid #1a4f8b;border-radius:4px;padding:1px 6px;"
    "background:#fff;color:#1a4f8b;font-size:13px;cursor:pointer;"
)
