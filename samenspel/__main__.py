"""Run samenspel as ``python -m samenspel``."""

import sys

from .cli import main

sys.exit(main())
