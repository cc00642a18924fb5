"""`mvgplan validate`: load and validate the whole catalogue, print every problem or a summary."""

from __future__ import annotations

import argparse
import json

from planner.cli.common import add_catalog_option, add_format_option, emit, load
from planner.i18n import _


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    add_format_option(parser, ("text", "json"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    catalog = load(args)
    own = sum(1 for u in catalog.units if u.regi == "egen")
    summary = {
        "ok": True,
        "catalog": catalog.root,
        "units": len(catalog.units),
        "units_egen_regi": own,
        "units_privat_regi": len(catalog.units) - own,
        "services": len(catalog.services),
        "basutbud_requirements": len(catalog.basutbud.required),
        "catalog_digest": catalog.digest,
    }
    if args.format == "json":
        emit(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        emit(
            _(
                "{catalog}: valid: {units} hälsocentraler ({egen} egen regi, {privat} privat regi), "
                "{services} e-tjänster, {requirements} basutbud requirements"
            ).format(
                catalog=catalog.root,
                units=summary["units"],
                egen=own,
                privat=summary["units_privat_regi"],
                services=summary["services"],
                requirements=summary["basutbud_requirements"],
            )
        )
    return 0
