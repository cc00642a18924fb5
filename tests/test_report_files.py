"""The report's folder over several runs: a full run removes the pages of huvudmän that are
gone (and says so), touches nothing else; a run with --provider removes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_support import UNITS, write_catalogue

from planner.cli.main import main

GONE = "zy-privat-8820"  # Zyxelgårdens läkarhus, its own huvudman
GONE_PAGE = "zyxelgardens-lakarhus.html"


def _first_run(tmp_path: Path) -> tuple[Path, Path]:
    """A full report of every provider into `out`, then a catalogue without one of them."""
    out = tmp_path / "out"
    assert main(["report", "-c", str(write_catalogue(tmp_path / "before")), "--out", str(out)]) == 0
    assert (out / "providers" / GONE_PAGE).is_file()
    after = write_catalogue(tmp_path / "after", {k: v for k, v in UNITS.items() if k != GONE})
    return out, after


def test_a_full_run_removes_the_page_of_a_huvudman_no_longer_in_the_catalogue_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, after = _first_run(tmp_path)
    capsys.readouterr()
    assert main(["report", "-c", str(after), "--out", str(out)]) == 0
    assert not (out / "providers" / GONE_PAGE).exists()
    assert (out / "index.html").is_file() and (out / "providers" / "region-testborg.html").is_file()
    err = capsys.readouterr().err
    assert f"mvgplan report: removed {out / 'providers' / GONE_PAGE}:" in err
    assert err.count("removed") == 1


def test_a_full_run_removes_only_html_files_and_links_in_the_providers_folder(tmp_path: Path) -> None:
    out, after = _first_run(tmp_path)
    keep = [out / "providers" / "notes.txt", out / "providers" / "old.HTML.bak", out / "other.html"]
    for path in keep:
        path.write_text("mine", encoding="utf-8")
    (out / "providers" / "folder.html").mkdir()
    (out / "providers" / "folder.html" / "inside.html").write_text("mine", encoding="utf-8")
    target = tmp_path / "elsewhere.html"
    target.write_text("not in the folder", encoding="utf-8")
    (out / "providers" / "link.html").symlink_to(target)
    assert main(["report", "-c", str(after), "--out", str(out)]) == 0
    assert all(path.read_text(encoding="utf-8") == "mine" for path in keep)
    assert (out / "providers" / "folder.html" / "inside.html").is_file()
    assert not (out / "providers" / "link.html").is_symlink()  # the link is gone …
    assert target.read_text(encoding="utf-8") == "not in the folder"  # … what it named is not


def test_a_run_with_provider_removes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, after = _first_run(tmp_path)
    capsys.readouterr()
    assert main(["report", "-c", str(after), "--out", str(out), "--provider", "Region Testborg"]) == 0
    assert (out / "providers" / GONE_PAGE).is_file()
    assert "removed" not in capsys.readouterr().err


def test_a_full_run_into_a_new_folder_removes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "-c", str(write_catalogue(tmp_path / "c")), "--out", str(tmp_path / "new")]) == 0
    assert "removed" not in capsys.readouterr().err
