"""The GitHub job summary (`$GITHUB_STEP_SUMMARY`) for `--format github`: the whole report as
markdown tables, so the run's page shows every hälsocentral at a glance."""

from __future__ import annotations

from planner.conformance import words
from planner.conformance.model import ConformanceReport
from planner.conformance.render import Context
from planner.i18n import _
from planner.mdtable import cell, section, table


def render(report: ConformanceReport, ctx: Context) -> str:
    lines = [
        "## "
        + _("{title}: {region}, as of {as_of}").format(
            title=_(words.TITLE), region=cell(ctx.region), as_of=report.as_of.isoformat()
        ),
        "",
        words.basutbud_line(ctx.basutbud_source, ctx.requirements, report.effective, report.in_force),
        words.summary_sentence(report.summary),
        "",
        *table(
            [_("Hälsocentral"), _("Regi"), _("Area"), _("Deviations"), _("Exemptions")],
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
    lines += section(
        _("Deviations"), [_("Unit"), _("E-tjänst"), _("Channel"), _("Kind"), _("Where"), _("Message")], deviations
    )
    exempt = [
        [
            f"`{e.unit}`",
            f"`{e.service}`",
            e.channel,
            _("{date} ⚠️ expires soon").format(date=e.until.isoformat()) if e.expires_soon else e.until.isoformat(),
            e.reason,
            e.decision or "",
            f"`{e.file}:{e.line}`",
        ]
        for e in report.exempt()
    ]
    lines += section(
        _("Exemptions"),
        [_("Unit"), _("E-tjänst"), _("Channel"), _("Until"), _("Reason"), _("Decision"), _("Where")],
        exempt,
    )
    unused = [
        [f"`{x.unit}`", f"`{x.service}`", x.channel, f"`{x.file}:{x.line}`", x.message]
        for x in report.unused_exemptions()
    ]
    lines += section(
        _("Exemptions that waive nothing (information only)"),
        [_("Unit"), _("E-tjänst"), _("Channel"), _("Where"), _("Message")],
        unused,
    )
    if ctx.uniformity is not None:
        u = ctx.uniformity
        rows = [
            [
                f"`{g.service}`",
                ctx.service(g.service),
                _("{offered} of {units}").format(offered=len(g.offered_by), units=u.units),
                ", ".join(g.not_offered_by),
            ]
            for g in u.gaps
        ]
        lines += ["", "### " + _(words.UNIFORMITY_TITLE), ""]
        lines += (
            table([_("E-tjänst"), _("Name"), _("Active in {channel}").format(channel=u.channel), _("Not at")], rows)
            if rows
            else [words.uniformity_heading(u.channel, 0, u.units)]
        )
    return "\n".join(lines) + "\n"
