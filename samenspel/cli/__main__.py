"""``python -m samenspel.cli``."""

from . import console

console()
