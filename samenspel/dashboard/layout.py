"""The frame around every page: the bar with the page tabs and the language switch.

The bar comes first in the page, so the keyboard reaches the page tabs and the
language switch in the first few tab stops; every control has a visible focus ring
(``CSS``). ``PageLang`` keeps ``<html lang>`` equal to the session's language, so a
screen reader speaks Dutch text as Dutch, and ``?lang=`` in the address, so a reload
keeps the language (the page tabs carry it too: ``page_address``).

Solara's ``AppLayout`` is not used: its drawer comes before the bar in the page (28
tab stops before the tabs), and it keeps a sidebar of fixed width on a 1024 px
projector. The Explore page has its own sidebar, which becomes a drawer on narrow
screens (``CSS``, below ``NARROW`` px).
"""

from __future__ import annotations

import ipyvue
import solara
import traitlets
from solara.lab import headers

from . import i18n
from .i18n import t

PAGES = (
    ("", "nav_explore"),
    ("compare", "nav_compare"),
    ("learn", "nav_learn"),
    ("sweeps", "nav_sweeps"),
    ("glossary", "nav_glossary"),
)
"""The page tabs: (path, text key), in order."""
NARROW = 1200
"""Below this window width the Explore sidebar is a drawer, opened with a button."""
BAR_HEIGHT = 52

CSS = f"""
html, body {{ overflow-x: hidden; }}
.samenspel-bar {{ position: sticky; top: 0; z-index: 30; display: flex; align-items: center;
  gap: 6px; height: {BAR_HEIGHT}px; padding: 0 10px; background: #1b4f72; color: #fff; }}
.samenspel-bar .samenspel-title {{ font-size: 17px; font-weight: 500; margin-left: 10px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.samenspel-bar .v-btn {{ color: #fff !important; }}
.samenspel-bar .v-btn.samenspel-active {{ border: 2px solid #fff; }}
.samenspel-page {{ padding: 0; }}
.samenspel-explore {{ display: flex; align-items: flex-start; }}
.samenspel-main {{ flex: 1 1 auto; min-width: 0; padding: 6px 12px 12px 12px; }}
.samenspel-side {{ order: -1; flex: 0 0 320px; width: 320px; position: sticky;
  top: {BAR_HEIGHT}px; max-height: calc(100vh - {BAR_HEIGHT}px); overflow-y: auto;
  padding: 8px 12px; border-right: 1px solid #ddd; background: #fafafa; }}
.samenspel-drawer-toggle, .samenspel-drawer-close {{ display: none !important; }}
@media (max-width: {NARROW - 1}px) {{
  .samenspel-side {{ position: fixed; left: 0; top: {BAR_HEIGHT}px; bottom: 0; z-index: 25;
    max-height: none; width: 340px; transform: translateX(-105%); visibility: hidden;
    transition: transform 0.15s; box-shadow: 2px 0 10px rgba(0, 0, 0, 0.35); }}
  .samenspel-explore.samenspel-drawer-open .samenspel-side {{ transform: none;
    visibility: visible; }}
  .samenspel-drawer-toggle, .samenspel-drawer-close {{ display: inline-flex !important; }}
  .samenspel-bar .samenspel-subtitle {{ display: none; }}
}}
.samenspel-toolbar {{ display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; }}
.samenspel-charts {{ display: grid; gap: 8px;
  grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); }}
.samenspel-views {{ display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px;
  margin-top: 8px; }}
@media (min-width: 1600px) {{
  .samenspel-views {{ grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }}
}}
.samenspel-panel {{ background: #fff; border: 1px solid #e0e0e0; border-radius: 4px;
  padding: 4px 6px; position: relative; }}
.samenspel-panel > .samenspel-info-btn {{ position: absolute; top: 2px; right: 2px; }}
*:focus-visible, .v-slider__thumb-container:focus, .v-btn:focus-visible {{
  outline: 3px solid #ff9800 !important; outline-offset: 2px; }}
.v-slider__thumb-container:focus .v-slider__thumb {{ box-shadow: 0 0 0 4px #ff9800; }}
.samenspel-tip {{ position: fixed; z-index: 50; pointer-events: none; white-space: pre;
  background: #fff; color: #222; border: 1px solid #888; border-radius: 3px;
  padding: 4px 7px; font: 13px/1.35 Roboto, Arial, sans-serif;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }}
.samenspel-sr-label .v-label {{ position: absolute !important; width: 1px; height: 1px;
  overflow: hidden; clip: rect(0 0 0 0); }}
"""


class PageLang(ipyvue.VueTemplate):
    """Keeps ``<html lang>`` and the address's ``?lang=`` equal to the session's language.

    The address is changed in place (``history.replaceState``: no new page, no entry in
    the browser's history, the page's state untouched), so that a reload or a copied
    address opens in the language chosen; the other parts of the address stay.
    """

    template = traitlets.Unicode(
        """<template><span style="display:none"></span></template>
<script>
module.exports = {
  mounted() { this.settle(this.lang); },
  watch: { lang(value) { this.settle(value); } },
  methods: {
    settle(value) {
      document.documentElement.lang = value;
      const url = new URL(window.location.href);
      if (url.searchParams.get('lang') !== value) {
        url.searchParams.set('lang', value);
        window.history.replaceState(window.history.state, '', url.toString());
      }
    },
  },
};
</script>"""
    ).tag(sync=True)
    lang = traitlets.Unicode("nl").tag(sync=True)


class HoverTips(ipyvue.VueTemplate):
    """The charts' tooltip: the values under the pointer, at once (``charts._hover``).

    One small script for the whole page (no network): where the pointer is over an
    element with ``data-tip`` it shows a box next to it with that week and each
    line's value (names from the chart's ``data-names``); over a band of columns
    (``data-tips``, ``charts._hover``) it shows the column under the pointer; elsewhere
    the box hides.
    """

    template = traitlets.Unicode(
        """<template><span style="display:none"></span></template>
<script>
module.exports = {
  mounted() {
    if (window.samenspelTips) { return; }
    window.samenspelTips = true;
    const tip = document.createElement('div');
    tip.className = 'samenspel-tip';
    tip.setAttribute('role', 'tooltip');
    tip.style.display = 'none';
    document.body.appendChild(tip);
    const unmark = () => {
      document.querySelectorAll('.samenspel-hover-mark').forEach((m) => m.remove());
    };
    const mark = (el, k, n) => {  // shade column k of n of a band, under the pointer
      let m = el.previousElementSibling;
      if (!m || !m.classList.contains('samenspel-hover-mark')) {
        unmark();
        m = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        m.setAttribute('class', 'samenspel-hover-mark');
        m.setAttribute('fill', 'rgba(0, 0, 0, 0.09)');
        m.setAttribute('pointer-events', 'none');
        el.parentNode.insertBefore(m, el);
      }
      const w = parseFloat(el.getAttribute('width')) / n;
      m.setAttribute('x', parseFloat(el.getAttribute('x')) + k * w);
      m.setAttribute('width', w);
      m.setAttribute('y', el.getAttribute('y'));
      m.setAttribute('height', el.getAttribute('height'));
    };
    const hide = () => { tip.style.display = 'none'; unmark(); };
    const show = (e) => {
      const el = e.target && e.target.closest ? e.target.closest('[data-tip],[data-tips]') : null;
      if (!el) { hide(); return; }
      let raw = el.getAttribute('data-tip');
      if (raw === null) {  // a band of equal columns: the one under the pointer
        const tips = el.getAttribute('data-tips').split(';');
        const box = el.getBoundingClientRect();
        const i = Math.floor((e.clientX - box.left) / box.width * tips.length);
        const k = Math.min(tips.length - 1, Math.max(0, i));
        raw = tips[k];
        mark(el, k, tips.length);
      } else {
        unmark();
      }
      const group = el.closest('[data-names]');
      const parts = raw.split('|');
      let lines = parts;
      if (group) {
        const names = group.getAttribute('data-names').split('|');
        lines = [(group.getAttribute('data-x') + ' ' + parts[0]).trim()];
        names.forEach((name, i) => {
          if (parts[i + 1]) { lines.push(name + ': ' + parts[i + 1]); }
        });
      }
      tip.textContent = lines.join('\\n');
      tip.style.display = 'block';
      const w = tip.offsetWidth, h = tip.offsetHeight;
      let x = e.clientX + 14, y = e.clientY + 14;
      if (x + w > window.innerWidth - 4) { x = Math.max(4, e.clientX - w - 14); }
      if (y + h > window.innerHeight - 4) { y = Math.max(4, e.clientY - h - 14); }
      tip.style.left = x + 'px';
      tip.style.top = y + 'px';
    };
    document.addEventListener('pointermove', show, { passive: true });
    document.addEventListener('pointerdown', show, { passive: true });
    document.addEventListener('pointerleave', hide);
    window.addEventListener('scroll', hide, true);
  },
};
</script>"""
    ).tag(sync=True)


@solara.component
def LanguageSwitch() -> None:
    """NL | EN toggle; changes every text on every page of this session."""
    with solara.Div(classes=["samenspel-lang"], style={"display": "flex", "gap": "2px"}):
        for code in i18n.LANGS:
            active = i18n.current() == code
            solara.Button(
                code.upper(),
                on_click=lambda c=code: i18n.lang.set(c),
                text=not active,
                outlined=active,
                small=True,
                attributes={
                    "aria-label": t("lang_" + code),
                    "aria-pressed": "true" if active else "false",
                    "lang": code,
                },
                classes=["samenspel-active"] if active else [],
            )


@solara.component
def PageTitle(key: str) -> None:
    """The browser tab's title: the page's name (text ``key``) in the page's language.

    A page renders it: Solara's deepest title wins, and the route's (English) label is
    one level deeper than the layout.
    """
    solara.Title(f"{t(key)} · samenspel")


def page_address(path: str) -> str:
    """The address of page ``path`` (``""``, ``"compare"``, ...) in the session's language.

    A page tab, and every button that opens another page, goes here: the language
    travels in the address (``?lang=``), so a reload keeps it.
    """
    return f"/{path.strip('/')}?lang={i18n.current()}"


@solara.component
def Layout(children: list | None = None) -> None:
    """The bar (page tabs, language switch, title) above every page."""
    router = solara.use_router()

    def settle_language() -> None:
        if not i18n.lang.value:
            i18n.lang.set(i18n.detect(headers.value, router.search))  # type: ignore[attr-defined]

    solara.use_effect(settle_language, [])
    here = router.path.strip("/").split("/")[0]
    solara.Style(CSS)
    PageLang.element(lang=i18n.current())
    HoverTips.element()

    with solara.Div(classes=["samenspel-bar"], attributes={"role": "banner"}):
        with solara.Div(
            style={"display": "flex", "gap": "2px"},
            attributes={"role": "navigation", "aria-label": t("nav_label")},
        ):
            for path, key in PAGES:
                active = here == path
                solara.Button(
                    t(key),
                    on_click=lambda p=path: router.push(page_address(p)),
                    text=True,
                    classes=[f"samenspel-nav-{path or 'explore'}"]
                    + (["samenspel-active"] if active else []),
                    attributes={"aria-current": "page"} if active else {},
                )
        LanguageSwitch()
        name, _, subtitle = t("app_title").partition(": ")
        with solara.Div(classes=["samenspel-title"]):
            solara.Text(name)
            solara.Text(": " + subtitle, classes=["samenspel-subtitle"])
    with solara.Div(classes=["samenspel-page"], attributes={"role": "main"}):
        for child in children or []:
            solara.display(child)
