"""Counted nouns a person reads: "1 hälsocentral", "3 hälsocentraler". Each noun is defined
once here, through `ngettext`, so every report, status line and title says it the same way,
in both languages, and never as "deviation(s)"."""

from __future__ import annotations

from planner.i18n import ngettext


def units(n: int) -> str:
    return ngettext("{n} hälsocentral", "{n} hälsocentraler", n).format(n=n)


def e_services(n: int) -> str:
    return ngettext("{n} e-tjänst", "{n} e-tjänster", n).format(n=n)


def deviations(n: int) -> str:
    return ngettext("{n} deviation", "{n} deviations", n).format(n=n)


def exemptions(n: int) -> str:
    return ngettext("{n} exemption", "{n} exemptions", n).format(n=n)


def errors(n: int) -> str:
    return ngettext("{n} error", "{n} errors", n).format(n=n)


def warnings(n: int) -> str:
    return ngettext("{n} warning", "{n} warnings", n).format(n=n)


def flags(n: int) -> str:
    return ngettext("{n} flag", "{n} flags", n).format(n=n)
