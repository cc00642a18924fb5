"""`mvgplan report`: the feedback report per huvudman and the nämnd's overview, as HTML files.

Writes `DIR/index.html` and `DIR/providers/<slug>.html` (SPEC §9), each atomically. The
report core (planner/report/, Jinja2, matplotlib) is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys

from planner.cli.common import (
    DEFAULT_BASELINE,
    UsageError,
    add_as_of_option,
    add_catalog_option,
    add_format_option,
    effective_as_of,
    load,
)
from planner.i18n import _, ngettext

FORMATS = ("html",)


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    parser.add_argument("--out", metavar="DIR", required=True, help=_("the folder to write the pages to"))
    parser.add_argument(
        "--provider", metavar="NAME", help=_("write only this huvudman's page (its name, or its page's name)")
    )
    add_format_option(parser, FORMATS)
    add_as_of_option(parser, _("report as of this date (default: the catalogue's as_of)"))
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help=_("the approved plan to show progress against (default: {path} when it exists)").format(
            path=DEFAULT_BASELINE
        ),
    )
    parser.set_defaults(handler=run)


def _chosen_provider(wanted: str | None, names: dict[str, str]) -> str | None:
    """The provider `--provider` means: its exact name, its slug, or its name in other case."""
    if wanted is None:
        return None
    if wanted in names:
        return wanted
    for name, path in names.items():
        if wanted == os.path.splitext(os.path.basename(path))[0] or wanted.casefold() == name.casefold():
            return name
    from planner.catalog.diagnose import did_you_mean

    raise UsageError(_("--provider: no huvudman named {name!r}").format(name=wanted) + did_you_mean(wanted, set(names)))


def run(args: argparse.Namespace) -> int:
    from planner.atomic import write_atomic
    from planner.report.build import build, provider_names
    from planner.report.files import links_in_the_way, remove_stale_pages

    if not args.out:
        raise UsageError(_("--out: the folder name is empty"))
    catalog = load(args)
    provider = _chosen_provider(args.provider, dict(provider_names(catalog)))
    # Progress is shown when the default baseline exists; a `--baseline` given by name must exist.
    baseline = args.baseline or (DEFAULT_BASELINE if os.path.isfile(DEFAULT_BASELINE) else None)
    if args.baseline == "":
        raise UsageError(_("--baseline: the file name is empty"))
    if args.baseline and not os.path.exists(args.baseline):
        raise UsageError(
            _("--baseline {path}: no such file; write one with: mvgplan plan --format yaml --out {path}").format(
                path=args.baseline
            )
        )
    report = build(catalog, effective_as_of(args, catalog), only=provider, baseline=baseline)
    # Checked before the first page, so a refused run writes nothing (planner/report/files.py).
    links = links_in_the_way(args.out, report.pages)
    if links:
        raise UsageError(
            ngettext(
                "{paths} is a symbolic link: the report writes only into its own folder, never through a link;"
                " remove the link, or choose another --out folder",
                "{paths} are symbolic links: the report writes only into its own folder, never through a link;"
                " remove the links, or choose another --out folder",
                len(links),
            ).format(paths=", ".join(links))
        )
    try:
        for relative, html in report.pages.items():
            path = os.path.join(args.out, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomic(path, html)
        # A full run leaves no page of a huvudman that is gone (planner/report/files.py).
        removed = remove_stale_pages(args.out, report.pages) if provider is None else []
        for path in removed:
            sys.stderr.write(
                _("mvgplan report: removed {path}: no huvudman in the catalogue has this page now").format(path=path)
                + "\n"
            )
    except OSError as exc:
        raise UsageError(
            _("cannot write to {folder}: {problem}").format(folder=args.out, problem=exc.strerror or exc)
        ) from None
    count = len(report.pages)
    sys.stderr.write(
        ngettext(
            "mvgplan report: wrote {n} page to {folder}", "mvgplan report: wrote {n} pages to {folder}", count
        ).format(n=count, folder=args.out)
        + "\n"
    )
    return 0
