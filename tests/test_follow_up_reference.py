"""`follow_up` against an independent reference of SPEC §8, on generated catalogues and usage.

The reference below is written from the SPEC's words, straight from the generated data (not
from the loaded catalogue), with dates rather than month indexes: take-up per unit and
service must agree within 0.001, and the flags exactly as (code, unit, service, channel).
"""

from __future__ import annotations

import calendar
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.catalog.loader import load_catalog
from planner.followup.compute import follow_up

MONTHS = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]
SERVICES = {"s-one": True, "s-two": True, "s-three": True, "s-nat": False}  # id -> migrate
CHANNELS = ["1177", "mvg", "teleq"]
DATES = [None, date(2025, 10, 1), date(2026, 1, 1), date(2026, 1, 15), date(2026, 2, 1), date(2026, 4, 30)]
STATUSES = ["active", "redirect", "planned", "retired"]


@dataclass(frozen=True)
class Case:
    units: list[dict[tuple[str, str], tuple[str, date | None]]]
    """Per unit: (service, channel) -> (status, since)."""
    rows: dict[tuple[int, str, str, str], int]
    """(unit index, service, channel, month) -> count."""
    window: int
    min_count: int
    target: float


offering = st.one_of(st.none(), st.tuples(st.sampled_from(STATUSES), st.sampled_from(DATES)))
unit_offerings = st.fixed_dictionaries({(s, c): offering for s in SERVICES for c in CHANNELS}).map(
    lambda d: {k: v for k, v in d.items() if v is not None}
)
cases = st.builds(
    Case,
    units=st.lists(unit_offerings, min_size=1, max_size=4),
    rows=st.dictionaries(
        st.tuples(
            st.integers(0, 3), st.sampled_from(list(SERVICES)), st.sampled_from(CHANNELS), st.sampled_from(MONTHS)
        ),
        st.integers(0, 30),
        min_size=1,
        max_size=60,
    ),
    window=st.integers(1, 4),
    min_count=st.integers(0, 8),
    target=st.sampled_from([0.5, 0.8, 0.9]),
)


def _write(case: Case, root: Path, separator: str, by_hsa: bool) -> None:
    (root / "units").mkdir()
    (root / "usage").mkdir()
    (root / "region.yaml").write_text(
        "schema_version: 1\nregion: Region Test\nas_of: 2026-05-15\n"
        'channels:\n  - {id: "1177", role: legacy}\n  - {id: mvg, role: target}\n  - {id: teleq, role: other}\n'
        "policy:\n  parallel_weeks: {min: 2, max: 8}\n  capacity: {enables_per_week: 5, parallel_per_unit: 2}\n"
        f"follow_up: {{take_up_target: {case.target}, window_months: {case.window}, min_count: {case.min_count}}}\n"
    )
    services = "".join(
        f"  - {{id: {s}, name: {s.upper()}, migrate: {str(m).lower()}, usage_names: [{s.upper()} export]}}\n"
        for s, m in SERVICES.items()
    )
    (root / "services.yaml").write_text("services:\n" + services)
    (root / "basutbud.yaml").write_text("required: []\n")
    for i, offerings in enumerate(case.units):
        lines = [f"id: u{i}", f"name: Unit {i}", "regi: egen", f"hsa_id: SE000-{i}", "offerings:"]
        for service in SERVICES:
            here = {c: v for (s, c), v in offerings.items() if s == service}
            if here:
                lines.append(f"  {service}:")
                for channel, (status, since) in here.items():
                    extra = f", since: {since.isoformat()}" if since else ""
                    lines.append(f'    "{channel}": {{status: {status}{extra}}}')
        (root / "units" / f"u{i}.yaml").write_text("\n".join(lines) + "\n")
    rows = [f"month{separator}unit{separator}service{separator}channel{separator}count"]
    for (u, service, channel, month), count in sorted(case.rows.items()):
        if u >= len(case.units):
            continue
        unit = f"SE000-{u}" if by_hsa and u % 2 else f"u{u}"
        name = f"{service.upper()} export" if by_hsa else service
        rows.append(separator.join([month, unit, name, channel, str(count)]))
    (root / "usage" / "export.csv").write_text("\r\n".join(rows) + "\r\n")


def _last_day(month: str) -> date:
    y, m = int(month[:4]), int(month[5:])
    return date(y, m, calendar.monthrange(y, m)[1])


def _first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)


def _months_ending(month: str, n: int) -> list[str]:
    year, number = int(month[:4]), int(month[5:])
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{number:02d}")
        year, number = (year - 1, 12) if number == 1 else (year, number - 1)
    return out[::-1]


def _active_on(off: tuple[str, date | None] | None, day: date) -> bool:
    if off is None:
        return False
    status, since = off
    if status == "active":
        return since is None or since <= day
    if status in ("redirect", "retired"):
        return since is not None and day < since
    return False


def reference(case: Case) -> tuple[dict[tuple[str, str], float | None], set[tuple[str, str, str | None, str | None]]]:
    rows = {k: v for k, v in case.rows.items() if k[0] < len(case.units)}
    data_months = sorted({k[3] for k in rows})
    report = data_months[-1]
    window = _months_ending(report, case.window)
    first_day = _first_day(window[0])
    take_up: dict[tuple[str, str], float | None] = {}
    flags: set[tuple[str, str, str | None, str | None]] = set()
    for u, offerings in enumerate(case.units):
        unit = f"u{u}"
        unit_rows_in_window = any(k[0] == u and k[3] in window for k in rows)
        for service, migrate in SERVICES.items():
            legacy = sum(
                v for (uu, s, c, m), v in rows.items() if uu == u and s == service and c == "1177" and m in window
            )
            target = sum(
                v for (uu, s, c, m), v in rows.items() if uu == u and s == service and c == "mvg" and m in window
            )
            has_rows = any(uu == u and s == service and c in ("1177", "mvg") and m in window for (uu, s, c, m) in rows)
            if has_rows:
                take_up[(unit, service)] = target / (legacy + target) if legacy + target else None
            old, new = offerings.get((service, "1177")), offerings.get((service, "mvg"))
            if (
                migrate
                and old is not None
                and new is not None
                and old[0] == "active"
                and new[0] == "active"
                and _active_on(old, first_day)
                and _active_on(new, first_day)
                and legacy + target >= case.min_count
                and legacy + target > 0
                and target / (legacy + target) < case.target
            ):
                flags.add(("low_take_up", unit, service, None))
            redirected = old is not None and old[0] in ("redirect", "retired")
            if redirected and old is not None and (old[1] is None or old[1] <= first_day) and legacy >= case.min_count:
                flags.add(("legacy_after_redirect", unit, service, None))
            if _active_on(new, first_day) and unit_rows_in_window and target == 0:
                flags.add(("no_usage", unit, service, None))
            for channel in CHANNELS:
                off = offerings.get((service, channel))
                if channel == "1177" and off is not None and off[0] in ("redirect", "retired"):
                    continue
                for month in window:
                    count = rows.get((u, service, channel, month))
                    if count is None or count < case.min_count:
                        continue
                    if off is None or off[0] == "planned":
                        offered = False
                    elif off[0] == "active":
                        offered = off[1] is None or off[1] <= _last_day(month)
                    else:
                        offered = off[1] is not None and off[1] > _first_day(month)
                    if not offered:
                        flags.add(("usage_without_offering", unit, service, channel))
        if any(status == "active" for (s, c), (status, _) in offerings.items() if c in ("1177", "mvg")):
            months_with_rows = {k[3] for k in rows if k[0] == u}
            if any(m >= data_months[0] and m not in months_with_rows for m in window):
                flags.add(("missing_data", unit, None, None))
    return take_up, flags


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases, separator=st.sampled_from([";", ","]), by_hsa=st.booleans())
def test_take_up_and_flags_agree_with_an_independent_reference(case: Case, separator: str, by_hsa: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write(case, root, separator, by_hsa)
        result = load_catalog(root)
        assert result.catalog is not None, result.problems
        if result.catalog.usage.empty:
            return
        got = follow_up(result.catalog, result.catalog.usage)
    expected_take_up, expected_flags = reference(case)
    actual_take_up = {(u.unit, s.service): s.take_up for u in got.units for s in u.services}
    assert actual_take_up.keys() == expected_take_up.keys()
    for key, value in expected_take_up.items():
        actual = actual_take_up[key]
        assert (actual is None) == (value is None), key
        if actual is not None and value is not None:
            assert abs(actual - value) <= 0.001, key
    assert {(f.code, f.unit, f.service, f.channel) for f in got.flags} == expected_flags
