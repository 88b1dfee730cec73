"""`python -m lstm_adder.gui`: open the app."""

import sys

from lstm_adder.gui.app import main

sys.exit(main(sys.argv[1:]))
