"""Pages as HTML: Jinja2 with autoescaping, one self-contained file each (SPEC §9).

Every catalogue text is escaped by the template engine; the stylesheet and the charts are
inlined; the Content-Security-Policy allows nothing to be fetched and no script to run. A
last pass makes sure no `http:` or `https:` is left anywhere but in the SVG namespace
declarations: a URL written in the catalogue (an exemption's reason) is shown as text with
its colon as a character reference, so the page still reads `https://…` but holds no link.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from planner.report import texts
from planner.report.view import Chart, Items, Page, Table

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Nothing loads from anywhere and no script runs; inline CSS (and the SVG's own) is allowed."""
TEMPLATES = Path(__file__).parent / "templates"
_SCHEME = re.compile(r'(xmlns(?::[\w.-]+)?="http://www\.w3\.org/)|(h)(ttps?):', re.IGNORECASE)


@cache
def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.tests["table"] = lambda block: isinstance(block, Table)
    env.tests["chart"] = lambda block: isinstance(block, Chart)
    env.tests["items"] = lambda block: isinstance(block, Items)
    return env


def _defuse_schemes(html: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1):  # an XML namespace declaration: the one place a URL may stand
            return match.group(0)
        return f"{match.group(2)}{match.group(3)}&#58;"

    return _SCHEME.sub(replace, html)


def render(page: Page) -> str:
    """The page as one HTML document, byte-identical for the same page."""
    env = _environment()
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8").strip()
    html: str = env.get_template("page.html.j2").render(page=page, t=texts.labels(), csp=CSP, css=css)
    return _defuse_schemes(html.lstrip())
