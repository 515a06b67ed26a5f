"""``samenspel dashboard``: the options and the start live in ``samenspel.dashboard.command``."""

from __future__ import annotations

from ..dashboard.command import add_arguments
from ..dashboard.command import cmd_dashboard as main

__all__ = ["add_arguments", "main"]
