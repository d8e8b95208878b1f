"""Allows `python -m analysis run ...`."""

import sys

from analysis.cli import main

sys.exit(main())
