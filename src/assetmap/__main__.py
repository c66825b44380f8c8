"""`python -m assetmap` is the same as the `assetmap` command."""

import sys

from assetmap.cli import main

sys.exit(main())
