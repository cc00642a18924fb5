"""Shared fixtures: the small test catalogue, and a copy of it a test may break."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests run in English unless a test asks for Swedish (its own env or `--lang sv`): the
# outputs do not then depend on the machine's locale or the catalogue's `language:`.
os.environ["MVGPLAN_LANG"] = "en"

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """A test that ran the command line in Swedish leaves the process speaking Swedish; the
    next test starts in English again, whatever order the tests run in."""
    yield
    from planner.i18n import language, use

    if language() != "en":
        use("en")


@pytest.fixture
def mini() -> Path:
    """tests/fixtures/mini: a valid catalogue of 4 units and 6 services (read-only)."""
    return MINI


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A fresh copy of the mini catalogue in tmp_path, to edit one file of."""
    target = tmp_path / "catalog"
    shutil.copytree(MINI, target)
    return target
