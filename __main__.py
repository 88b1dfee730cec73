"""`python -m lstm_adder`: the `lstm-adder` command."""

import sys

from lstm_adder.cli.main import main

sys.exit(main())
