"""The samenspel dashboard: a Solara web app for policymakers and lecturers.

Pages: Explore (one neighbourhood week by week), Compare (scenarios side by side with
intervals, and why), Learn (how the model works, things to try), Sweeps (a finished
sweep's sensitivity results) and Glossary, in Dutch and English. Start it with
``samenspel dashboard``; it runs with no internet (see ``assets.py``).

Modules:

- ``app`` (routes) and ``layout`` (bar, tabs, language, CSS, ``<html lang>``);
- Explore: ``explore`` (page), ``session`` (per-session state and actions),
  ``player`` (play thread), ``frame`` (what a week draws), ``levers``, ``network``,
  ``actors`` (click an actor), ``messages`` (user errors, translated);
- Compare: ``compare`` (page), ``compare_job`` (running, progress, kept results),
  ``compare_draw`` (tables and figures), ``jobs`` (the server's line and memory
  check), ``own`` (own scenarios as TOML), ``explain_view`` (why, in words);
- ``learn``/``learn_text``, ``sweeps``, ``glossary``;
- ``charts`` and ``palette`` (SVG charts, colour-blind-safe colours), ``i18n`` (all
  texts), ``assets`` (offline front-end files), ``command`` (the CLI subcommand).
"""
