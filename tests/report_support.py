"""Catalogues and HTML checks shared by the report tests."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

MINI = Path(__file__).parent / "fixtures" / "mini"
HOSTILE = '<script>alert(1)</script> & "quotes"'
VOID = {"meta", "link", "br", "img", "input", "hr", "col", "area", "base", "source", "wbr", "embed", "track"}
ALLOWED_URL = re.compile(r'xmlns(?::[\w.-]+)?="http://www\.w3\.org/[^"]*"')

# Three providers with distinctive names and ids, so a leak is found by a plain substring
# search: the region runs two units (egen regi), two private units are their own providers.
UNITS = {
    "qx-norrvik-7311": ("Norrviks vårdcentral Qx", "egen", "Norra"),
    "qx-sodervik-7312": ("Södervik hälsocentral Qx", "egen", "Södra"),
    "zy-privat-8820": ("Zyxelgårdens läkarhus", "privat", "Västra"),
    "wv-hostile-9931": (HOSTILE, "privat", "Östra"),
}


USAGE_MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10")


def usage_counts(index: int, month: int) -> dict[tuple[str, str], int]:
    """Distinctive counts of the index-th unit (sorted by id) in a month (1-based in
    USAGE_MONTHS): five-digit numbers no other unit has, and a small one (2) in 1177."""
    return {
        ("mina-vardkontakter", "1177"): 41000 + 100 * index + month,
        ("mina-vardkontakter", "mvg"): 52000 + 100 * index + month,
        ("receptfornyelse", "1177"): 2,
        ("receptfornyelse", "mvg"): 63000 + 100 * index + month,
    }


def write_catalogue(root: Path, units: dict[str, tuple[str, str, str]] | None = None, usage: bool = False) -> Path:
    """The mini catalogue's region, services and basutbud with the given units (and, with
    `usage`, a usage export of four months with `usage_counts` for every unit)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("region.yaml", "services.yaml", "basutbud.yaml"):
        shutil.copy(MINI / name, root / name)
    (root / "units").mkdir(exist_ok=True)
    for i, (unit_id, (name, regi, area)) in enumerate(sorted((units or UNITS).items())):
        quoted = name.replace("\\", "\\\\").replace('"', '\\"')
        # Each unit a little different, so pages differ: one migrating, one deviating, …
        offerings = [
            '  mina-vardkontakter:\n    "1177": {status: active, since: 2019-01-01}\n'
            "    mvg: {status: active, since: 2025-05-05}\n",
            '  receptfornyelse:\n    "1177": {status: redirect, since: 2024-04-15}\n'
            "    mvg: {status: active, since: 2024-04-15}\n",
            '  omboka-tid:\n    "1177": active\n',
            "  digitala-vardmoten:\n    mvg: active\n" if i % 2 == 0 else "  digitala-vardmoten:\n    mvg: planned\n",
        ]
        (root / "units" / f"{unit_id}.yaml").write_text(
            f'id: {unit_id}\nname: "{quoted}"\nregi: {regi}\narea: {area}\nofferings:\n' + "".join(offerings),
            encoding="utf-8",
        )
    if usage:
        lines = ["month;unit;service;channel;count"]
        for i, unit_id in enumerate(sorted(units or UNITS)):
            for m, month in enumerate(USAGE_MONTHS, start=1):
                for (service, channel), count in usage_counts(i, m).items():
                    lines.append(f"{month};{unit_id};{service};{channel};{count}")
        (root / "usage").mkdir(exist_ok=True)
        (root / "usage" / "2026.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def without_charts(html: str) -> str:
    """The page's text outside its charts (numbers in SVG coordinates are not figures)."""
    return re.sub(r"<svg\b.*?</svg>", "", html, flags=re.DOTALL)


class _Structure(HTMLParser):
    """Checks that every element is closed in order (what a browser would not repair)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
            return
        self.stack.pop()


def structure_errors(html: str) -> list[str]:
    """Problems with the page as HTML: unclosed or misnested elements, scripts, no doctype."""
    parser = _Structure()
    parser.feed(html)
    parser.close()
    errors = list(parser.errors)
    if parser.stack:
        errors.append(f"unclosed: {parser.stack}")
    if parser.scripts:
        errors.append(f"{parser.scripts} script elements")
    if not html.startswith("<!DOCTYPE html>"):
        errors.append("no <!DOCTYPE html> at the start")
    return errors


def urls_outside_namespaces(html: str) -> list[str]:
    """Every `http:`/`https:` that is not an XML namespace declaration of w3.org."""
    cleaned = ALLOWED_URL.sub("", html)
    return re.findall(r"(?i).{0,30}https?:.{0,30}", cleaned)


def outline(html: str) -> str:
    """The page with every chart's SVG body cut to `<svg …>` (and each legend's line
    samples): the structure a golden file keeps, independent of how matplotlib draws a line."""
    html = re.sub(r'<svg\b[^>]*?(aria-label="[^"]*")[^>]*>.*?</svg>', r"<svg \1>…</svg>", html, flags=re.DOTALL)
    return re.sub(r'<svg class="sample"[^>]*>.*?</svg>', '<svg class="sample">…</svg>', html, flags=re.DOTALL)
