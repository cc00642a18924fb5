"""`--format github`: GitHub Actions workflow commands, so a pull request shows each deviation
on the unit file's line: one `::error` per deviation, one `::warning` per exemption that
expires within 30 days, one `::notice` per exemption that waives nothing, and a last plain
line with the summary for the job log.

Escaping follows GitHub's toolkit (`@actions/core`, command.ts): in the message `%`, CR and LF
become `%25`, `%0D`, `%0A`; in a property value also `:` and `,` become `%3A` and `%2C`.
"""

from __future__ import annotations

from planner.conformance import words
from planner.conformance.model import ConformanceReport
from planner.conformance.render import Context
from planner.i18n import _


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def render(report: ConformanceReport, ctx: Context) -> str:
    lines = []
    for unit in report.units:
        for d in unit.deviations:
            title = f"basutbud {d.kind}: {unit.unit} {d.service} ({d.channel})"
            lines.append(command("error", d.message, file=d.file, line=d.line, title=title))
        for e in unit.exempt:
            if e.expires_soon:
                title = _("exemption expires soon: {unit} {service} ({channel})").format(
                    unit=unit.unit, service=e.service, channel=e.channel
                )
                message = words.expires_soon_message(e.service, e.channel, e.until, report.as_of)
                lines.append(command("warning", message, file=e.file, line=e.line, title=title))
        for u in unit.unused_exemptions:
            title = _("exemption waives nothing: {unit} {service} ({channel})").format(
                unit=unit.unit, service=u.service, channel=u.channel
            )
            lines.append(command("notice", u.message, file=u.file, line=u.line, title=title))
    summary = words.summary_sentence(report.summary)
    lines.append(
        _("{title} as of {as_of}: {summary}").format(
            title=_(words.TITLE), as_of=report.as_of.isoformat(), summary=summary
        )
    )
    return "\n".join(lines) + "\n"
