"""`--format junit`: JUnit XML, one test case per hälsocentral, for GitLab, Azure DevOps and Jenkins.

A unit with deviations has one `<failure>` (several are not read by every CI) whose message
counts them and whose text lists each as `file:line: kind: message`; exemptions go to the
case's `<system-out>`. No timestamps or durations: the same report gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from planner import counted
from planner.conformance import words
from planner.conformance.model import ConformanceReport, UnitResult
from planner.conformance.render import Context

# Characters XML 1.0 cannot carry at all; a YAML double-quoted "\x01" could produce them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report: ConformanceReport, ctx: Context) -> str:
    failures = sum(1 for u in report.units if not u.conformant)
    counts = {"tests": str(len(report.units)), "failures": str(failures), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": "mvgplan check", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": _safe(f"basutbud: {ctx.region}"), **counts})
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("as_of", report.as_of.isoformat()),
        ("catalog", ctx.catalog),
        ("basutbud_in_force", "true" if report.in_force else "false"),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": _safe(value)})
    for unit in report.units:
        _testcase(suite, unit, report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(suite: ET.Element, unit: UnitResult, report: ConformanceReport) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": "basutbud", "name": _safe(f"{unit.unit}: {unit.name}"), "file": _safe(unit.file)},
    )
    if unit.deviations:
        kinds = ", ".join(sorted({d.kind for d in unit.deviations}))
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": "basutbud",
                "message": _safe(f"{counted.deviations(len(unit.deviations))}: {kinds}"),
            },
        )
        failure.text = _safe("\n".join(f"{d.file}:{d.line}: {d.kind}: {d.message}" for d in unit.deviations))
    if unit.exempt:
        out = ET.SubElement(case, "system-out")
        out.text = _safe(
            "\n".join(
                f"{e.file}:{e.line}: {e.service} ({e.channel}) "
                + words.exempt_text(e.until, report.as_of, e.expires_soon, e.reason, e.decision)
                for e in unit.exempt
            )
        )
