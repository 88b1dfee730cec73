"""`python -m lstm_adder.cli`: the `lstm-adder` command."""

import sys

from lstm_adder.cli.main import main

sys.exit(main())
