"""`mvgplan schema`: the JSON Schema of each catalogue file, for editors and for review."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from planner.cli.common import UsageError, add_format_option, emit
from planner.i18n import _

KINDS = ("region", "services", "basutbud", "unit")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", nargs="?", choices=KINDS, help=_("one file kind (default: all, as one JSON object)"))
    parser.add_argument("--write", metavar="DIR", help=_("write every schema into DIR (e.g. catalog/schema)"))
    add_format_option(parser, ("json",))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.atomic import write_atomic
    from planner.catalog.schema import SCHEMA_FILES, all_schemas, schema_for

    if args.write:
        target = Path(args.write)
        try:
            if target.exists() and not target.is_dir():
                raise UsageError(
                    _("cannot write the schemas to {write}: it is a file, not a folder").format(write=args.write)
                )
            target.mkdir(parents=True, exist_ok=True)
            for name, text in all_schemas().items():
                write_atomic(target / name, text)
        except OSError as exc:
            raise UsageError(
                _("cannot write the schemas to {write}: {value}").format(write=args.write, value=exc.strerror or exc)
            ) from None
        emit(_("wrote {n} schemas to {write}").format(n=len(SCHEMA_FILES), write=args.write))
        return 0
    if args.kind:
        emit(json.dumps(schema_for(SCHEMA_FILES[f"{args.kind}.schema.json"]), ensure_ascii=False, indent=2))
    else:
        emit(json.dumps({n: schema_for(m) for n, m in SCHEMA_FILES.items()}, ensure_ascii=False, indent=2))
    return 0
