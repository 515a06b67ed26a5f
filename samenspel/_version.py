"""The version of samenspel: the one place it is written (pyproject reads it from here)."""

__version__ = "0.6.7"
