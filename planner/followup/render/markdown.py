"""`--format markdown`: the follow-up as tables, for a wiki page or an issue; a long one is cut
to fit a comment (`planner.mdtable.fit`)."""

from __future__ import annotations

from planner.followup.model import FollowUp
from planner.followup.render.text import sparkline
from planner.followup.texts import share
from planner.i18n import N_, _
from planner.mdtable import Rows, cut_table, fit, table

EVERY_ROW = N_("`mvgplan follow-up --format csv` has every row")


def render(result: FollowUp) -> str:
    first, last = result.window
    legacy, target = result.legacy_channel, result.target_channel
    lines: list[str | Rows] = [
        "## "
        + _("Follow-up of usage: report month {month} (window {first} – {last})").format(
            month=result.month, first=first, last=last
        ),
        "",
        _(
            "Region: {target} of {total} errands through {channel} ({share}) in the window; the target is {goal}."
        ).format(
            target=result.total.target,
            total=result.total.legacy + result.total.target,
            channel=target,
            share=share(result.total.take_up),
            goal=share(result.take_up_target),
        ),
        "",
        "### " + _("E-tjänster, region-wide"),
        "",
        *table(
            [_("E-tjänst"), f"`{legacy}`", f"`{target}`", _("Take-up"), _("Units in parallel"), _("Month by month")],
            [
                [
                    f"`{s.service}`",
                    str(s.legacy),
                    str(s.target),
                    share(s.take_up),
                    str(s.units_parallel),
                    sparkline(s.monthly),
                ]
                for s in result.services
            ],
        ),
        "",
        "### " + _("Take-up month by month"),
        "",
        *table(
            [_("Month"), *(f"`{s.service}`" for s in result.services)],
            [[month, *(share(s.monthly[i].take_up) for s in result.services)] for i, month in enumerate(result.months)],
        ),
        "",
        "### " + _("Hälsocentraler"),
        "",
        *cut_table(
            [_("Unit"), _("Provider"), _("E-tjänst"), f"`{legacy}`", f"`{target}`", _("Take-up")],
            [
                row
                for u in result.units
                for row in (
                    [[f"`{u.unit}`", u.provider, _("all"), str(u.legacy), str(u.target), share(u.take_up)]]
                    + [["", "", f"`{s.service}`", str(s.legacy), str(s.target), share(s.take_up)] for s in u.services]
                )
            ],
            _(EVERY_ROW),
        ),
        "",
        "### " + _("Flags"),
        "",
    ]
    if result.flags:
        lines += cut_table(
            [_("Severity"), _("Code"), _("Unit"), _("E-tjänst"), _("Channel"), _("Month"), _("Where"), _("What to do")],
            [
                [
                    f.severity,
                    f"`{f.code}`",
                    f"`{f.unit}`",
                    f.service or "",
                    f.channel or "",
                    f.month,
                    f"`{f.file}:{f.line}`",
                    f.message,
                ]
                for f in result.flags
            ],
            _(EVERY_ROW),
        )
    else:
        lines.append(_("No flags."))
    return fit(lines)
