"""The basutbud rules of SPEC §3, one test per rule, on catalogues written for the test.

Every catalogue here is as of 2026-11-23 with the basutbud `recept` in mvg effective
2025-01-01, unless the test says otherwise (see check_support).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import pytest
from check_support import load_ok, unit_file, write_catalog

from planner.cli.main import main
from planner.conformance.check import check
from planner.conformance.model import ConformanceReport

AS_OF = date(2026, 11, 23)


def _report(
    tmp_path: Path,
    body: str,
    *,
    required: Iterable[tuple[str, str]] = (("recept", "mvg"),),
    effective: str | None = "2025-01-01",
) -> ConformanceReport:
    """The report for one unit `hc-a` whose file is `unit_file("hc-a", body)`."""
    units = {"hc-a": unit_file("hc-a", body)}
    catalog = load_ok(write_catalog(tmp_path / "catalog", units, required=required, effective=effective))
    return check(catalog, AS_OF)


def _found(report: ConformanceReport) -> list[tuple[str, str, str, int]]:
    """(service, channel, kind, line) of every deviation."""
    return [(d.service, d.channel, d.kind, d.line) for d in report.deviations()]


def test_an_active_offering_in_the_required_channel_conforms(tmp_path: Path) -> None:
    report = _report(tmp_path, "offerings:\n  recept:\n    mvg: active\n")
    assert report.conformant
    assert _found(report) == []
    assert report.units[0].exempt == ()


def test_a_required_service_the_unit_does_not_list_is_missing_at_the_offerings_key(tmp_path: Path) -> None:
    report = _report(tmp_path, "offerings:\n  video:\n    mvg: active\n")
    assert _found(report) == [("recept", "mvg", "missing", 4)]
    assert not report.conformant


def test_a_required_service_listed_only_in_another_channel_is_missing_at_the_services_line(tmp_path: Path) -> None:
    report = _report(tmp_path, 'offerings:\n  video:\n    mvg: active\n  recept:\n    "1177": active\n')
    assert _found(report) == [("recept", "mvg", "missing", 7)]


def test_a_unit_without_offerings_is_missing_at_its_id_line(tmp_path: Path) -> None:
    report = _report(tmp_path, "area: Gävle\n")
    assert _found(report) == [("recept", "mvg", "missing", 1)]


def test_a_planned_offering_is_a_planned_deviation_at_its_own_line(tmp_path: Path) -> None:
    report = _report(tmp_path, 'offerings:\n  recept:\n    "1177": active\n    mvg: planned\n')
    assert _found(report) == [("recept", "mvg", "planned", 7)]


def test_status_alone_decides_a_planned_offering_whose_from_has_passed_is_still_planned(tmp_path: Path) -> None:
    report = _report(tmp_path, "offerings:\n  recept:\n    mvg: {status: planned, from: 2020-01-01}\n")
    assert _found(report) == [("recept", "mvg", "planned", 6)]


def test_status_alone_decides_an_active_offering_with_a_future_since_conforms(tmp_path: Path) -> None:
    report = _report(tmp_path, "offerings:\n  recept:\n    mvg: {status: active, since: 2030-01-01}\n")
    assert report.conformant


def test_a_retired_offering_is_a_retired_deviation(tmp_path: Path) -> None:
    report = _report(tmp_path, "offerings:\n  recept:\n    mvg: {status: retired, since: 2026-01-01}\n")
    assert _found(report) == [("recept", "mvg", "retired", 6)]


def test_a_redirect_in_the_required_channel_is_redirect_only(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        'offerings:\n  recept:\n    "1177": active\n    mvg: redirect\n',
        required=[("recept", "mvg")],
    )
    assert _found(report) == [("recept", "mvg", "redirect_only", 7)]


def test_a_requirement_in_the_legacy_channel_is_checked_in_that_channel(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        'offerings:\n  kontakt:\n    mvg: active\n    "1177": retired\n',
        required=[("kontakt", "1177")],
    )
    assert _found(report) == [("kontakt", "1177", "retired", 7)]


def test_a_redirect_without_an_active_mvg_service_is_a_broken_redirect(tmp_path: Path) -> None:
    body = 'offerings:\n  recept:\n    mvg: active\n  video:\n    "1177": redirect\n    mvg: planned\n'
    report = _report(tmp_path, body)
    assert _found(report) == [("video", "1177", "broken_redirect", 8)]
    message = report.units[0].deviations[0].message
    assert "forwarded to nothing" in message and "planned" in message


def test_a_redirect_to_a_service_not_listed_in_mvg_is_a_broken_redirect(tmp_path: Path) -> None:
    body = 'offerings:\n  recept:\n    mvg: active\n  video:\n    "1177": redirect\n'
    assert _found(_report(tmp_path, body)) == [("video", "1177", "broken_redirect", 8)]


def test_a_redirect_with_an_active_mvg_service_is_no_deviation(tmp_path: Path) -> None:
    body = 'offerings:\n  recept:\n    "1177": {status: redirect, since: 2024-04-15}\n    mvg: active\n'
    assert _report(tmp_path, body).conformant


def test_a_broken_redirect_is_reported_in_addition_to_the_basutbud_deviation_of_the_same_service(
    tmp_path: Path,
) -> None:
    body = 'offerings:\n  recept:\n    "1177": redirect\n    mvg: retired\n'
    report = _report(tmp_path, body)
    assert _found(report) == [("recept", "1177", "broken_redirect", 6), ("recept", "mvg", "retired", 7)]


def test_a_valid_exemption_turns_a_deviation_into_an_exempt_entry_that_does_not_fail(tmp_path: Path) -> None:
    body = """\
        offerings:
          recept:
            mvg: planned
        exemptions:
          - {service: recept, channel: mvg, until: 2027-03-31, reason: Nytt system, decision: "HSN §1"}
        """
    report = _report(tmp_path, body)
    assert report.conformant
    (exempt,) = report.units[0].exempt
    assert (exempt.service, exempt.channel, exempt.until) == ("recept", "mvg", date(2027, 3, 31))
    assert (exempt.reason, exempt.decision, exempt.line) == ("Nytt system", "HSN §1", 8)
    assert not exempt.expires_soon


def test_an_exemption_until_as_of_is_still_valid(tmp_path: Path) -> None:
    body = "exemptions:\n  - {service: recept, channel: mvg, until: 2026-11-23, reason: Sista dagen}\n"
    report = _report(tmp_path, body)
    assert report.conformant
    assert [e.until for e in report.units[0].exempt] == [AS_OF]
    assert report.units[0].exempt[0].expires_soon


def test_an_exemption_until_the_day_before_as_of_has_expired_and_replaces_the_kind(tmp_path: Path) -> None:
    body = """\
        offerings:
          recept:
            mvg: planned
        exemptions:
          - {service: recept, channel: mvg, until: 2026-11-22, reason: Gick ut igår}
        """
    report = _report(tmp_path, body)
    assert _found(report) == [("recept", "mvg", "exemption_expired", 6)]
    assert report.units[0].exempt == ()
    assert "2026-11-22" in report.units[0].deviations[0].message


@pytest.mark.parametrize(("days", "soon"), [(0, True), (1, True), (29, True), (30, True), (31, False), (120, False)])
def test_an_exemption_expiring_within_30_days_of_as_of_is_pointed_out(tmp_path: Path, days: int, soon: bool) -> None:
    until = (AS_OF + timedelta(days=days)).isoformat()
    body = f"exemptions:\n  - {{service: recept, channel: mvg, until: {until}, reason: Snart}}\n"
    report = _report(tmp_path, body)
    assert report.conformant
    assert [e.expires_soon for e in report.units[0].exempt] == [soon]
    assert report.summary.expires_soon == int(soon)


def test_of_two_exemptions_for_one_requirement_the_longest_lasting_counts(tmp_path: Path) -> None:
    body = """\
        exemptions:
          - {service: recept, channel: mvg, until: 2026-01-01, reason: Gammal}
          - {service: recept, channel: mvg, until: 2027-01-01, reason: Förnyad}
        """
    report = _report(tmp_path, body)
    assert report.conformant
    assert [(e.reason, e.line) for e in report.units[0].exempt] == [("Förnyad", 6)]


def test_an_exemption_does_not_waive_a_broken_redirect(tmp_path: Path) -> None:
    body = """\
        offerings:
          recept:
            "1177": redirect
        exemptions:
          - {service: recept, channel: mvg, until: 2027-03-31, reason: Nytt system}
        """
    report = _report(tmp_path, body)
    assert _found(report) == [("recept", "1177", "broken_redirect", 6)]
    assert len(report.units[0].exempt) == 1


def test_an_exemption_for_an_offering_that_is_active_is_not_exempt_but_pointed_out_as_no_longer_needed(
    tmp_path: Path,
) -> None:
    body = """\
        offerings:
          recept:
            mvg: active
        exemptions:
          - {service: recept, channel: mvg, until: 2027-03-31, reason: Behövs inte längre}
        """
    report = _report(tmp_path, body)
    assert report.conformant and report.units[0].exempt == ()
    [unused] = report.units[0].unused_exemptions
    assert (unused.service, unused.channel, unused.why, unused.line) == ("recept", "mvg", "requirement_met", 8)
    assert "no longer needed" in unused.message
    assert report.summary.unused_exemptions == 1


def test_an_exemption_for_something_the_basutbud_does_not_require_waives_nothing_and_says_so(tmp_path: Path) -> None:
    body = """\
        offerings:
          recept:
            mvg: planned
        exemptions:
          - {service: recept, channel: "1177", until: 2027-03-31, reason: Fel kanal}
          - {service: video, channel: mvg, until: 2027-03-31, reason: Inget krav}
        """
    report = _report(tmp_path, body)
    assert _found(report) == [("recept", "mvg", "planned", 6)]  # the typo'd exemption waives nothing
    unused = report.units[0].unused_exemptions
    assert [(u.service, u.channel, u.why, u.line) for u in unused] == [
        ("recept", "1177", "not_required", 8),
        ("video", "mvg", "not_required", 9),
    ]
    assert "(it is required in mvg)" in unused[0].message
    assert "required in" not in unused[1].message


def test_unused_exemptions_never_fail_the_check(tmp_path: Path) -> None:
    body = """\
        offerings:
          recept:
            mvg: active
        exemptions:
          - {service: video, channel: mvg, until: 2020-01-01, reason: Gammal}
        """
    report = _report(tmp_path, body)
    assert report.conformant
    assert [u.why for u in report.units[0].unused_exemptions] == ["not_required"]


def test_before_basutbud_effective_no_exemption_is_called_unused(tmp_path: Path) -> None:
    body = """\
        offerings:
          recept:
            mvg: active
        exemptions:
          - {service: video, channel: mvg, until: 2027-03-31, reason: Inget krav}
        """
    report = _report(tmp_path, body, effective="2027-01-01")
    assert report.units[0].unused_exemptions == ()


def test_before_basutbud_effective_no_requirement_is_checked_but_broken_redirects_are(tmp_path: Path) -> None:
    body = 'offerings:\n  video:\n    "1177": redirect\n'
    report = _report(tmp_path, body, effective="2026-11-24")
    assert not report.in_force
    assert report.effective == date(2026, 11, 24)
    assert _found(report) == [("video", "1177", "broken_redirect", 6)]


def test_before_basutbud_effective_a_unit_missing_everything_conforms(tmp_path: Path) -> None:
    report = _report(tmp_path, "area: Gävle\n", effective="2027-01-01")
    assert report.conformant and not report.in_force


def test_on_the_effective_date_the_requirements_apply(tmp_path: Path) -> None:
    report = _report(tmp_path, "area: Gävle\n", effective="2026-11-23")
    assert report.in_force
    assert _found(report) == [("recept", "mvg", "missing", 1)]


def test_without_an_effective_date_the_requirements_always_apply(tmp_path: Path) -> None:
    report = _report(tmp_path, "area: Gävle\n", effective=None)
    assert report.in_force and report.effective is None
    assert _found(report) == [("recept", "mvg", "missing", 1)]


def test_every_deviation_names_the_unit_file_as_the_catalogue_path_was_given(tmp_path: Path) -> None:
    report = _report(tmp_path, "area: Gävle\n")
    assert report.units[0].file == f"{tmp_path / 'catalog'}/units/hc-a.yaml".replace("\\", "/")
    assert {d.file for d in report.deviations()} == {report.units[0].file}


def test_the_report_lists_units_by_id_and_each_units_deviations_in_file_order(tmp_path: Path) -> None:
    units = {
        "hc-b": unit_file("hc-b", 'offerings:\n  video:\n    "1177": redirect\n  recept:\n    mvg: planned\n'),
        "hc-a": unit_file("hc-a", "offerings:\n  recept:\n    mvg: active\n"),
    }
    catalog = load_ok(write_catalog(tmp_path / "c", units, required=[("recept", "mvg"), ("omboka", "mvg")]))
    report = check(catalog, AS_OF)
    assert [u.unit for u in report.units] == ["hc-a", "hc-b"]
    assert [(d.line, d.kind) for d in report.units[1].deviations] == [
        (4, "missing"),
        (6, "broken_redirect"),
        (8, "planned"),
    ]


def test_check_can_be_restricted_to_some_units(tmp_path: Path) -> None:
    units = {u: unit_file(u) for u in ("hc-a", "hc-b", "hc-c")}
    catalog = load_ok(write_catalog(tmp_path / "c", units))
    assert [u.unit for u in check(catalog, AS_OF, ["hc-c", "hc-a"]).units] == ["hc-a", "hc-c"]
    assert check(catalog, AS_OF, []).units == ()
    with pytest.raises(ValueError, match="hc-x"):
        check(catalog, AS_OF, ["hc-x"])


def test_the_as_of_date_is_an_argument_so_the_same_input_gives_the_same_report(tmp_path: Path) -> None:
    body = "exemptions:\n  - {service: recept, channel: mvg, until: 2027-01-31, reason: Snart}\n"
    catalog = load_ok(write_catalog(tmp_path / "c", {"hc-a": unit_file("hc-a", body)}))
    assert check(catalog, AS_OF) == check(catalog, AS_OF)
    assert check(catalog, date(2027, 2, 1)).units[0].deviations[0].kind == "exemption_expired"
    assert check(catalog, date(2024, 12, 31)).in_force is False


# --- the mini fixture ---------------------------------------------------------------------


def test_the_mini_catalogue_has_one_deviation_of_every_kind_but_redirect_only(mini: Path) -> None:
    report = check(load_ok(mini), date(2026, 11, 23))
    found = {(d.unit, d.service, d.channel, d.kind, d.line) for d in report.deviations()}
    assert found == {
        ("hc-alfa", "omboka-tid", "mvg", "planned", 16),
        ("hc-beta", "omboka-tid", "mvg", "missing", 5),
        ("hc-beta", "receptfornyelse", "1177", "broken_redirect", 7),
        ("hc-beta", "receptfornyelse", "mvg", "retired", 8),
        ("hc-gamma", "digitala-vardmoten", "mvg", "exemption_expired", 12),
        ("hc-gamma", "receptfornyelse", "mvg", "planned", 11),
    }
    assert [(e.unit, e.service, e.until) for e in report.exempt()] == [
        ("hc-beta", "digitala-vardmoten", date(2027, 3, 31))
    ]
    s = report.summary
    assert (s.units, s.conformant_units, s.deviations, s.exempt, s.expires_soon) == (4, 1, 6, 1, 0)
    assert s.deviating_by_regi == {"egen": 2, "privat": 1}
    assert s.by_kind["redirect_only"] == 0 and sum(s.by_kind.values()) == 6


def test_check_and_plan_word_a_broken_redirect_with_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    mini = str(Path(__file__).parent / "fixtures" / "mini")
    main(["check", "-c", mini, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    checked = [d["message"] for u in report["units"] for d in u["deviations"] if d["kind"] == "broken_redirect"]
    main(["plan", "-c", mini, "--format", "json"])
    planned = [w["message"] for w in json.loads(capsys.readouterr().out)["warnings"] if w["code"] == "broken_redirect"]
    assert checked and planned
    # The service is labelled as each report labels services; the sentence around it is one.
    tails = {message.split(" redirects patients ", 1)[1] for message in [*checked, *planned]}
    assert len(tails) == 1, tails
