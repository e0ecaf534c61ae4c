"""`python -m returnboard`: the board's command line (see cli/main.py)."""

import sys

from .cli.main import main

sys.exit(main())
