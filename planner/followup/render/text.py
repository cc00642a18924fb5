"""`--format text` (the default): the follow-up for a person at a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from planner.followup.model import FollowUp, MonthFigures
from planner.followup.texts import share
from planner.i18n import _, ngettext

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(monthly: Sequence[MonthFigures]) -> str:
    """One character per month, its height the take-up (0–100 %); `·` for a month without errands."""
    out = []
    for m in monthly:
        value = m.take_up
        out.append("·" if value is None else _BARS[min(len(_BARS) - 1, int(value * len(_BARS)))])
    return "".join(out)


def _table(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def render(result: FollowUp) -> str:
    first, last = result.window
    lines = [
        _("Follow-up of usage: report month {month} (window {first} – {last})").format(
            month=result.month, first=first, last=last
        ),
        _(
            "Take-up is the share of errands that came through {target}; "
            "the target is {goal}, and counts under {min} are not judged."
        ).format(target=result.target_channel, goal=share(result.take_up_target), min=result.min_count),
        _(
            "Region: {target} of {total} errands through {channel} ({share}) in the window; "
            "{rows} rows read, {units} with data."
        ).format(
            target=result.total.target,
            total=result.total.legacy + result.total.target,
            channel=result.target_channel,
            share=share(result.total.take_up),
            rows=result.rows,
            units=ngettext("{n} hälsocentral", "{n} hälsocentraler", result.units_with_data).format(
                n=result.units_with_data
            ),
        ),
        "",
        _("E-tjänster, region-wide"),
    ]
    months = result.months
    span = f"{months[0]} … {months[-1]}" if months else ""
    rows = [[_("e-tjänst"), result.legacy_channel, result.target_channel, _("take-up"), _("parallel"), span]]
    for s in result.services:
        rows.append(
            [s.service, str(s.legacy), str(s.target), share(s.take_up), str(s.units_parallel), sparkline(s.monthly)]
        )
    lines += _table(rows, frozenset({1, 2, 3, 4}))
    lines += ["", _("Hälsocentraler")]
    rows = [[_("unit / e-tjänst"), _("provider"), result.legacy_channel, result.target_channel, _("take-up")]]
    for u in result.units:
        rows.append([u.unit, u.provider, str(u.legacy), str(u.target), share(u.take_up)])
        for us in u.services:
            rows.append(["  " + us.service, "", str(us.legacy), str(us.target), share(us.take_up)])
    lines += _table(rows, frozenset({2, 3, 4}))
    warnings = result.warnings
    infos = len(result.flags) - warnings
    lines += [
        "",
        _("Flags: {warnings}, {infos}").format(
            warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
            infos=ngettext("{n} for information", "{n} for information", infos).format(n=infos),
        ),
    ]
    if not result.flags:
        lines.append("  " + _("none"))
    for f in result.flags:
        what = " / ".join(x for x in (f.unit, f.service, f.channel) if x)
        lines.append(f"  {f.severity} [{f.code}] {what} ({f.month}) {f.file}:{f.line}")
        lines.append(f"      {f.message}")
    return "\n".join(lines) + "\n"
