"""Names sort as a Swedish reader expects, everywhere: planner.collation.name_key."""

from __future__ import annotations

from planner.collation import name_key


def test_a_ring_a_umlaut_and_o_umlaut_come_after_z_in_that_order() -> None:
    names = ["Östersund", "Ärla", "Åre", "Zinkgruvan", "Avesta"]
    assert sorted(names, key=name_key) == ["Avesta", "Zinkgruvan", "Åre", "Ärla", "Östersund"]


def test_numbers_in_names_compare_as_numbers() -> None:
    names = ["Alfta 10", "Alfta 2", "Alfta", "Alfta 1b", "Alfta 1"]
    assert sorted(names, key=name_key) == ["Alfta", "Alfta 1", "Alfta 1b", "Alfta 2", "Alfta 10"]


def test_case_and_other_accents_do_not_change_the_order_of_letters() -> None:
    names = ["City Gävle", "brynäs", "Delsbo", "Édsbyn", "Bomhus"]
    assert sorted(names, key=name_key) == ["Bomhus", "brynäs", "City Gävle", "Delsbo", "Édsbyn"]


def test_danish_and_german_letters_sort_as_their_swedish_twins() -> None:
    assert sorted(["Øre", "Ære", "Ure", "Yre", "Üre"], key=name_key) == ["Ure", "Yre", "Üre", "Ære", "Øre"]


def test_names_equal_but_for_case_still_sort_the_same_way_every_time() -> None:
    assert sorted(["ab", "Ab", "AB"], key=name_key) == sorted(["AB", "ab", "Ab"], key=name_key)
