"""The `mvgplan` console script: as little as possible runs before Ctrl-C is handled.

Importing the command line takes a few dozen milliseconds; a Ctrl-C in that window would end
in a traceback if the import happened where the console script imports it. Here it happens
inside the handler, so that window shrinks to the interpreter's own start-up.
"""

from __future__ import annotations

import sys
from importlib import import_module


def entry_point() -> None:
    try:
        main = import_module("planner.cli.main").main
        code = main()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        code = 130
    sys.exit(code)
