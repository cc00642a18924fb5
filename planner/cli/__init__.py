"""The command line: `mvgplan COMMAND`. Thin over the core; the one place errors become exit codes."""
