"""`python -m cli`: the `lstm-adder` command."""

import sys

from cli.main import main

sys.exit(main())
