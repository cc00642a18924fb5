"""The GitHub job summary (`$GITHUB_STEP_SUMMARY`) for `--format github`: the whole report as
markdown tables, so the run's page shows every hälsocentral at a glance."""

from __future__ import annotations

from planner.conformance import words
from planner.conformance.model import ConformanceReport
from planner.conformance.render import Context
from planner.mdtable import cell, table


def render(report: ConformanceReport, ctx: Context) -> str:
    lines = [
        f"## {words.TITLE}: {cell(ctx.region)}, as of {report.as_of.isoformat()}",
        "",
        words.basutbud_line(ctx.basutbud_source, ctx.requirements, report.effective, report.in_force),
        words.summary_sentence(report.summary),
        "",
        *table(
            ["Hälsocentral", "Regi", "Area", "Deviations", "Exemptions"],
            [
                [
                    f"{u.name} (`{u.unit}`)",
                    words.regi(u.regi),
                    u.area or "",
                    str(len(u.deviations)) if u.deviations else "✓",
                    str(len(u.exempt)),
                ]
                for u in report.units
            ],
        ),
    ]
    deviations = [
        [f"`{d.unit}`", f"`{d.service}`", d.channel, f"`{d.kind}`", f"`{d.file}:{d.line}`", d.message]
        for d in report.deviations()
    ]
    if deviations:
        lines += [
            "",
            "### Deviations",
            "",
            *table(["Unit", "E-tjänst", "Channel", "Kind", "Where", "Message"], deviations),
        ]
    exempt = [
        [
            f"`{e.unit}`",
            f"`{e.service}`",
            e.channel,
            e.until.isoformat() + (" ⚠️ expires soon" if e.expires_soon else ""),
            e.reason,
            e.decision or "",
            f"`{e.file}:{e.line}`",
        ]
        for e in report.exempt()
    ]
    if exempt:
        lines += [
            "",
            "### Exemptions",
            "",
            *table(["Unit", "E-tjänst", "Channel", "Until", "Reason", "Decision", "Where"], exempt),
        ]
    unused = [
        [f"`{x.unit}`", f"`{x.service}`", x.channel, f"`{x.file}:{x.line}`", x.message]
        for x in report.unused_exemptions()
    ]
    if unused:
        lines += [
            "",
            "### Exemptions that waive nothing (information only)",
            "",
            *table(["Unit", "E-tjänst", "Channel", "Where", "Message"], unused),
        ]
    if ctx.uniformity is not None:
        u = ctx.uniformity
        rows = [
            [f"`{g.service}`", ctx.service(g.service), f"{len(g.offered_by)} of {u.units}", ", ".join(g.not_offered_by)]
            for g in u.gaps
        ]
        lines += ["", f"### {words.UNIFORMITY_TITLE}", ""]
        lines += (
            table(["E-tjänst", "Name", f"Active in {u.channel}", "Not at"], rows)
            if rows
            else [words.uniformity_heading(u.channel, 0, u.units)]
        )
    return "\n".join(lines) + "\n"
