"""The positioned YAML reader: plain data, exact positions, and every oddity as a problem."""

from __future__ import annotations

import pytest

from planner.catalog.yamltree import MAX_PROBLEMS, parse


def _parse(text: str) -> tuple[object, list[tuple[int, int, str]]]:
    parsed = parse(text.encode("utf-8"), "f.yaml")
    return parsed.data, [(p.line, p.column, p.code) for p in parsed.problems]


def test_scalars_stay_text_except_null_true_and_false() -> None:
    data, problems = _parse(
        "a: 1177\nb: 00100\nc: yes\nd: 2025-01-01\ne: null\nf: true\ng: False\nh: ~\ni:\nj: 1e3\nk: 'null'\n"
    )
    assert problems == []
    assert data == {
        "a": "1177",
        "b": "00100",
        "c": "yes",
        "d": "2025-01-01",
        "e": None,
        "f": True,
        "g": False,
        "h": None,
        "i": None,
        "j": "1e3",
        "k": "null",
    }


def test_an_unquoted_1177_key_is_the_text_1177() -> None:
    data, _ = _parse("offerings:\n  recept:\n    1177: active\n")
    assert data == {"offerings": {"recept": {"1177": "active"}}}


def test_positions_are_one_based_and_point_at_keys_and_values() -> None:
    parsed = parse(b"id: x\noffer:\n  svc:\n    mvg: {status: active}\nlist:\n  - a\n  - {b: c}\n", "f")
    pos = parsed.positions
    assert pos.locate(("id",)) == (1, 5)
    assert pos.locate(("id",), key=True) == (1, 1)
    assert pos.locate(("offer", "svc", "mvg", "status")) == (4, 19)
    assert pos.locate(("offer", "svc", "mvg"), key=True) == (4, 5)
    assert pos.locate(("list", 1, "b")) == (7, 9)
    assert pos.locate(("list", 5)) == (6, 3)  # the deepest known node on the path
    assert pos.key_mark(("offer", "svc")) == (3, 3)


def test_a_duplicate_key_keeps_the_first_value_and_points_at_the_second() -> None:
    data, problems = _parse("a: 1\nb: 2\na: 3\n")
    assert data == {"a": "1", "b": "2"}
    assert problems == [(3, 1, "duplicate_key")]


def test_a_byte_order_mark_and_crlf_line_ends_are_read_normally() -> None:
    parsed = parse(b"\xef\xbb\xbfa: 1\r\nb:\r\n  - x\r\n", "f")
    assert parsed.problems == []
    assert parsed.data == {"a": "1", "b": ["x"]}
    assert parsed.positions.locate(("b", 0)) == (3, 5)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: &x 1\n", (1, 4)),
        ("a: !!str 1\n", (1, 4)),
        ("a: !custom {b: 1}\n", (1, 4)),
        ("<<: {a: 1}\n", (1, 1)),
    ],
    ids=["an anchor", "a standard tag", "a custom tag", "a merge key"],
)
def test_anchors_tags_and_merge_keys_are_invalid_values(text: str, where: tuple[int, int]) -> None:
    _, problems = _parse(text)
    assert problems == [(*where, "invalid_value")]


def test_an_alias_makes_the_file_untrustworthy() -> None:
    parsed = parse(b"a: &x 1\nb: *x\n", "f")
    assert [(p.line, p.column, p.code) for p in parsed.problems] == [(1, 4, "invalid_value"), (2, 4, "invalid_value")]
    assert parsed.trustworthy is False


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("true: x\n", (1, 1), "not text"),
        ("? [a]\n: x\n", (1, 3), "plain text"),
        ("~: x\n", (1, 1), "empty or null"),
    ],
    ids=["a boolean key", "a list as a key", "a null key"],
)
def test_a_key_that_is_not_text_is_an_invalid_value(text: str, where: tuple[int, int], says: str) -> None:
    parsed = parse(text.encode(), "f")
    assert [(p.line, p.column, p.code) for p in parsed.problems] == [(*where, "invalid_value")]
    assert says in parsed.problems[0].message


def test_a_non_utf8_file_names_the_line_and_column_of_the_bad_byte() -> None:
    parsed = parse("a: 1\nname: Gävle\n".encode("latin-1"), "f")
    assert [(p.line, p.column, p.code) for p in parsed.problems] == [(2, 8, "yaml_syntax")]
    assert parsed.data is None


def test_a_control_character_is_placed_by_characters_not_bytes() -> None:
    _, problems = _parse("å: ä\x00\n")
    assert problems == [(1, 5, "yaml_syntax")]


def test_the_number_of_problems_in_one_file_is_capped() -> None:
    text = "".join(f"k{i}: &a{i} v\n" for i in range(MAX_PROBLEMS + 50))
    _, problems = _parse(text)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1][2] == "too_large"


def test_a_scalar_document_is_data_not_a_crash() -> None:
    data, problems = _parse("just text\n")
    assert (data, problems) == ("just text", [])


def test_an_empty_document_marker_is_not_an_empty_file() -> None:
    data, problems = _parse("---\n")
    assert (data, problems) == (None, [])
