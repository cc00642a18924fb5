"""Property tests: no input, however broken, makes the reader or the loader raise."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.catalog.loader import load_catalog
from planner.catalog.yamltree import parse

MINI = Path(__file__).parent / "fixtures" / "mini"
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of YAML syntax, so random text gets into the parser's corners instead of being
# rejected at the first byte.
TOKENS = [
    "\n",
    " ",
    "  ",
    "\t",
    "-",
    "- ",
    ":",
    ": ",
    "?",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a",
    "*a",
    "!",
    "!!str",
    "<<",
    "'",
    '"',
    "|",
    ">",
    "---",
    "...",
    "%YAML 1.2",
    "\\",
    "\u00a0",
    "\ufeff",
    "\r\n",
    "1177",
    "mvg",
    "id",
    "name",
    "services",
    "offerings",
    "status",
    "active",
    "2025-02-30",
    "null",
    "true",
    "yes",
    "å",
    "\x00",
    "\x07",
    "\U0001f600",
]
yamlish = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=60).map("".join)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_make_the_reader_raise(raw: bytes) -> None:
    parsed = parse(raw, "f.yaml")
    assert all(p.line >= 1 and p.column >= 1 for p in parsed.problems)


@FUZZ
@given(yamlish)
def test_random_yaml_like_text_never_makes_the_reader_raise(text: str) -> None:
    parsed = parse(text.encode("utf-8", "surrogatepass"), "f.yaml")
    assert all(p.line >= 1 and p.column >= 1 for p in parsed.problems)
    if not parsed.problems:
        assert parsed.trustworthy


_FILES = ["region.yaml", "services.yaml", "basutbud.yaml", "units/hc-alfa.yaml", "units/hc-beta.yaml"]


@FUZZ
@given(
    st.sampled_from(_FILES),
    st.integers(min_value=0, max_value=2000),
    st.one_of(yamlish, st.binary(max_size=40).map(lambda b: b.decode("latin-1"))),
)
def test_any_splice_into_a_valid_catalogue_gives_problems_never_an_exception(
    file: str, offset: int, insert: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Path(tmp) / "catalog"
        shutil.copytree(MINI, catalog)
        target = catalog / file
        raw = target.read_bytes()
        cut = min(offset, len(raw))
        target.write_bytes(raw[:cut] + insert.encode("utf-8", "surrogatepass") + raw[cut:])
        result = load_catalog(catalog)
    assert (result.catalog is None) == bool(result.problems)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


@FUZZ
@given(st.sampled_from(_FILES), st.binary(max_size=300))
def test_a_catalogue_file_of_random_bytes_gives_problems_never_an_exception(file: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Path(tmp) / "catalog"
        shutil.copytree(MINI, catalog)
        (catalog / file).write_bytes(raw)
        result = load_catalog(catalog)
    assert result.catalog is None or not result.problems
