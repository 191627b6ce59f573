"""``python -m heze_plan.cli``: the same as the ``heze-plan`` command."""

import sys

from heze_plan.cli import main

sys.exit(main())
