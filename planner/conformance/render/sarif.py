"""`--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, any SARIF viewer).

One rule per deviation kind, with ids that never change meaning (`MVG001`…; a new kind gets
the next number), plus `MVG101` for an exemption about to expire (level `warning`). Each
result points at the unit file (the path as given, as a relative URI) and its 1-based line.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from planner import __version__
from planner.conformance import words
from planner.conformance.model import ConformanceReport, DeviationKind
from planner.conformance.render import Context
from planner.i18n import _

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

RULE_IDS: dict[DeviationKind, str] = {
    "missing": "MVG001",
    "planned": "MVG002",
    "retired": "MVG003",
    "redirect_only": "MVG004",
    "exemption_expired": "MVG005",
    "broken_redirect": "MVG006",
}
"""Stable: code scanning tracks alerts by rule id, so an id is never reused for another kind."""
EXPIRES_SOON_RULE = "MVG101"

# (id, name, kind, description, advice, level): the driver's `rules`, in this order (the
# results' `ruleIndex` counts in it).
_RULES: tuple[tuple[str, str, str, str, str, str], ...] = (
    *(
        (rule_id, name, kind, words.KIND_DESCRIPTIONS[kind], words.KIND_ADVICE[kind], "error")
        for (kind, rule_id), name in zip(
            RULE_IDS.items(),
            (
                "BasutbudMissing",
                "BasutbudPlanned",
                "BasutbudRetired",
                "BasutbudRedirectOnly",
                "BasutbudExemptionExpired",
                "BrokenRedirect",
            ),
            strict=True,
        )
    ),
    (
        EXPIRES_SOON_RULE,
        "ExemptionExpiresSoon",
        "exemption_expires_soon",
        words.EXPIRES_SOON_DESCRIPTION,
        words.EXPIRES_SOON_ADVICE,
        "warning",
    ),
)
_RULE_INDEX = {rule[0]: i for i, rule in enumerate(_RULES)}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": _(description)},
            "fullDescription": {"text": f"{_(description)} {_(advice)}"},
            "help": {"text": _(advice)},
            "defaultConfiguration": {"level": level},
            "properties": {"kind": kind},
        }
        for rule_id, name, kind, description, advice, level in _RULES
    ]


def artifact_uri(path: str) -> str:
    """The path as given, as a URI reference: relative stays relative, absolute becomes file:."""
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return "file://" + quote(str(posix), safe="/")
    if len(path) > 1 and path[1] == ":":  # a Windows drive letter
        return "file:///" + quote(path.replace("\\", "/"), safe="/:")
    return quote(str(posix), safe="/")


def _result(rule_id: str, level: str, message: str, file: str, line: int, props: dict[str, str]) -> dict[str, Any]:
    return {
        "ruleId": rule_id,
        "ruleIndex": _RULE_INDEX[rule_id],
        "level": level,
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(file)},
                    "region": {"startLine": line},
                }
            }
        ],
        "properties": props,
    }


def render(report: ConformanceReport, ctx: Context) -> str:
    results = []
    for unit in report.units:
        for d in unit.deviations:
            props = {"unit": d.unit, "service": d.service, "channel": d.channel, "kind": d.kind}
            results.append(_result(RULE_IDS[d.kind], "error", d.message, d.file, d.line, props))
        for e in unit.exempt:
            if e.expires_soon:
                message = words.expires_soon_message(e.service, e.channel, e.until, report.as_of)
                props = {"unit": e.unit, "service": e.service, "channel": e.channel, "until": e.until.isoformat()}
                results.append(_result(EXPIRES_SOON_RULE, "warning", message, e.file, e.line, props))
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mvgplan",
                        "version": __version__,
                        "rules": _rules(),
                    }
                },
                "automationDetails": {"id": "mvgplan/check/"},
                "properties": {"as_of": report.as_of.isoformat(), "catalog": ctx.catalog},
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
