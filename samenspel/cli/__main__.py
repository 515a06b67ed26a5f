"""``python -m samenspel.cli``."""

import sys

from . import main

sys.exit(main())
