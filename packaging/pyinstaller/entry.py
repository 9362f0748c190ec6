"""The bundle's program: the same command line as the installed ``chery-viewer``."""

import sys

from chery_viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
