"""`python -m planner COMMAND` runs the same command line as `mvgplan COMMAND`."""

import sys

from planner.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
