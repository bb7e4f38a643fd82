"""Entry script of the frozen program (PyInstaller runs this file as __main__)."""

from __future__ import annotations

import multiprocessing
import sys

from tracker.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
