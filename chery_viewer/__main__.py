"""``python -m chery_viewer``: the same entry point as the ``chery-viewer`` command."""

import sys

from chery_viewer.cli import main

sys.exit(main())
