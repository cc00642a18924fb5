"""The catalogue models on their own: strict values, short forms, and the checks across fields."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from planner.catalog.model import Blackout, Region, Service, Unit


def _region(**changes: Any) -> dict[str, Any]:
    region: dict[str, Any] = {
        "schema_version": "1",
        "region": "Region Testborg",
        "channels": [{"id": "1177", "role": "legacy"}, {"id": "mvg", "role": "target"}],
        "policy": {
            "parallel_weeks": {"min": "2", "max": "8"},
            "capacity": {"enables_per_week": "6", "parallel_per_unit": "2"},
        },
    }
    region.update(changes)
    return region


def test_numbers_and_dates_written_as_text_are_parsed() -> None:
    region = Region.model_validate(_region(as_of="2026-11-23"))
    assert region.policy.parallel_weeks.max == 8
    assert region.as_of == date(2026, 11, 23)
    assert region.legacy == "1177"
    assert region.target == "mvg"


@pytest.mark.parametrize(
    "value",
    ["2025-02-30", "2025-2-3", "20250203", "2025-W05-1", "2025-02-03T00:00:00", True, "yes"],
    ids=["a day past the month", "no leading zeros", "no dashes", "a week date", "a timestamp", "a boolean", "yes"],
)
def test_only_real_dates_written_yyyy_mm_dd_are_dates(value: object) -> None:
    with pytest.raises(ValidationError):
        Service.model_validate({"id": "x", "name": "X", "mvg_ready": value})


@pytest.mark.parametrize("value", ["yes", "no", "on", "True ", "1", "false "], ids=repr)
def test_only_true_and_false_are_booleans(value: str) -> None:
    with pytest.raises(ValidationError):
        Service.model_validate({"id": "x", "name": "X", "migrate": value})


def test_an_offering_may_be_written_as_its_status_alone() -> None:
    unit = Unit.model_validate({"id": "u", "name": "U", "regi": "egen", "offerings": {"s": {"1177": "active"}}})
    assert unit.offerings["s"]["1177"].status == "active"
    assert unit.offerings["s"]["1177"].since is None


def test_a_blackout_may_be_one_day_long() -> None:
    blackout = Blackout.model_validate({"from": "2027-01-01", "to": "2027-01-01"})
    assert blackout.from_ == blackout.to


def test_a_blackout_ending_before_it_starts_is_refused_at_its_from() -> None:
    with pytest.raises(ValidationError) as caught:
        Blackout.model_validate({"from": "2027-01-02", "to": "2027-01-01"})
    cause = caught.value.errors()[0]["ctx"]["error"]
    assert cause.at == ("from",)


def test_the_second_legacy_channel_is_where_a_bad_role_count_is_reported() -> None:
    channels = [{"id": "1177", "role": "legacy"}, {"id": "mvg", "role": "target"}, {"id": "x", "role": "legacy"}]
    with pytest.raises(ValidationError) as caught:
        Region.model_validate(_region(channels=channels))
    cause = caught.value.errors()[0]["ctx"]["error"]
    assert cause.at == ("channels", 2, "role")


def test_models_are_frozen() -> None:
    service = Service.model_validate({"id": "x", "name": "X"})
    with pytest.raises(ValidationError):
        service.priority = 1  # type: ignore[misc]
    assert (service.priority, service.migrate, service.depends_on) == (100, True, [])
