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
_SCHEME = re.compile(r"[hH][tT][tT][pP][sS]?:")
_NAMESPACE_BEFORE = re.compile(r'xmlns(?::[\w.-]+)?="\Z', re.IGNORECASE)
_W3 = "//www.w3.org/"


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
        start, end = match.span()
        if (
            end - start == 5
            and html[end : end + len(_W3)].lower() == _W3
            and _NAMESPACE_BEFORE.search(html, max(0, start - 64), start)
        ):  # an XML namespace declaration: the one place a URL may stand
            return match.group(0)
        return match.group(0)[:-1] + "&#58;"

    # A plain pattern and a look around each match: an alternation with the namespace
    # case took seconds over a national report's pages.
    return _SCHEME.sub(replace, html)


def render(page: Page) -> str:
    """The page as one HTML document, byte-identical for the same page."""
    env = _environment()
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8").strip()
    html: str = env.get_template("page.html.j2").render(page=page, t=texts.labels(), csp=CSP, css=css)
    return _defuse_schemes(html.lstrip())
