"""Allows `python -m analysis run ...`."""

import gc
import sys

# Importing spaCy, pandas and the rules allocates about a million objects that live as long as the process.
# With the collector off while they load and frozen afterwards, it never walks them again: start-up is
# about a fifth faster and every later collection cheaper.
gc.disable()
from analysis.cli import main  # noqa: E402

gc.freeze()
gc.enable()
sys.exit(main())
