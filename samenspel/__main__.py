"""Run samenspel as ``python -m samenspel``."""

from .cli import console

console()
