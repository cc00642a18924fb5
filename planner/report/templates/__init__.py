"""The report pages\x27 Jinja2 templates and stylesheet (package data, see pyproject.toml)."""
