"""`--format xlsx`: the basutbud check as an Excel workbook (`planner.xlsx`), `--out FILE` only.

Three sheets with the json's rows: `units` (one per unit), `deviations` and `exempt` (one
per entry, with the unit it belongs to first).
"""

from __future__ import annotations

from planner.conformance.model import ConformanceReport
from planner.conformance.render import Context
from planner.xlsx import Sheet, workbook


def render_bytes(report: ConformanceReport, ctx: Context) -> bytes:
    units = [
        (u.unit, u.name, u.regi, u.area, u.conformant, len(u.deviations), len(u.exempt), u.file) for u in report.units
    ]
    deviations = [
        (d.unit, d.service, ctx.service(d.service), d.channel, d.kind, d.file, d.line, d.message)
        for d in report.deviations()
    ]
    exempt = [
        (e.unit, e.service, ctx.service(e.service), e.channel, e.until, e.reason, e.decision, e.expires_soon)
        for e in report.exempt()
    ]
    return workbook(
        [
            Sheet("units", ("unit", "name", "regi", "area", "conformant", "deviations", "exempt", "file"), units),
            Sheet(
                "deviations",
                ("unit", "service", "service_name", "channel", "kind", "file", "line", "message"),
                deviations,
            ),
            Sheet(
                "exempt",
                ("unit", "service", "service_name", "channel", "until", "reason", "decision", "expires_soon"),
                exempt,
            ),
        ],
        report.as_of,
    )
