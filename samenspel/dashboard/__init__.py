"""The samenspel dashboard: a Solara web app for policymakers and lecturers.

Pages: Explore (one neighbourhood week by week), Compare (scenarios side by side with
intervals) and Learn (how the model works, things to try), in Dutch and English. Start
it with ``samenspel dashboard``; it runs with no internet (see ``assets.py``).

Modules: ``app`` (layout and routes), ``explore``, ``compare``, ``learn`` (one per
page), ``levers`` (controls from the parameter declarations), ``session`` (per-session
state), ``network`` and ``charts`` (SVG drawings), ``i18n`` (all texts), ``assets``
(offline front-end files) and ``command`` (the CLI subcommand).
"""
