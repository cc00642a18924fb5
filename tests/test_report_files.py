"""The report's folder over several runs: a full run removes the pages of huvudmän that are
gone (and says so), touches nothing else; a run with --provider removes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_support import UNITS, write_catalogue

from planner.cli.main import main
from planner.report.files import stale_pages

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


# A link planted in the report's folder: refused before any page is written (exit 2), the
# message names the link and says what to do, and the file the link names stays as it was.

TARGET_TEXT = "someone else's file"


def _planted(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A catalogue, an empty report folder with a `providers/` folder, and a file outside it."""
    catalogue = write_catalogue(tmp_path / "c")
    out = tmp_path / "out"
    (out / "providers").mkdir(parents=True)
    target = tmp_path / "elsewhere.html"
    target.write_text(TARGET_TEXT, encoding="utf-8")
    return catalogue, out, target


def _refused(catalogue: Path, out: Path, link: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["report", "-c", str(catalogue), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"mvgplan report: {link} is a symbolic link:" in err
    assert "remove the link, or choose another --out folder" in err
    assert "Traceback" not in err


def _pages_written(out: Path) -> list[Path]:
    return [path for path in out.rglob("*.html") if not path.is_symlink()]


def test_a_link_at_a_provider_page_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue, out, target = _planted(tmp_path)
    link = out / "providers" / GONE_PAGE
    link.symlink_to(target)
    _refused(catalogue, out, link, capsys)
    assert target.read_text(encoding="utf-8") == TARGET_TEXT
    assert link.is_symlink()
    assert _pages_written(out) == []


def test_a_link_at_index_html_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue, out, target = _planted(tmp_path)
    link = out / "index.html"
    link.symlink_to(target)
    _refused(catalogue, out, link, capsys)
    assert target.read_text(encoding="utf-8") == TARGET_TEXT
    assert _pages_written(out) == []


def test_a_providers_folder_that_is_a_link_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue, out, _ = _planted(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    stale = elsewhere / "old-name.html"  # a full run would remove it, were the link followed
    stale.write_text(TARGET_TEXT, encoding="utf-8")
    (out / "providers").rmdir()
    (out / "providers").symlink_to(elsewhere, target_is_directory=True)
    _refused(catalogue, out, out / "providers", capsys)
    assert stale.read_text(encoding="utf-8") == TARGET_TEXT
    assert [path.name for path in elsewhere.iterdir()] == ["old-name.html"]
    assert _pages_written(out) == []


def test_a_dangling_link_at_a_page_is_refused_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalogue, out, _ = _planted(tmp_path)
    link = out / "index.html"
    link.symlink_to(tmp_path / "nowhere" / "index.html")
    _refused(catalogue, out, link, capsys)
    assert not (tmp_path / "nowhere").exists()


def test_a_link_at_the_one_page_a_provider_run_writes_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue, out, target = _planted(tmp_path)
    link = out / "providers" / "region-testborg.html"
    link.symlink_to(target)
    capsys.readouterr()
    assert main(["report", "-c", str(catalogue), "--out", str(out), "--provider", "Region Testborg"]) == 2
    assert f"{link} is a symbolic link" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == TARGET_TEXT


def test_stale_pages_are_never_looked_for_through_a_providers_folder_that_is_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "old-name.html").write_text(TARGET_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "providers").symlink_to(elsewhere, target_is_directory=True)
    assert stale_pages(str(out), ["index.html"]) == []


def test_an_out_folder_that_is_itself_a_link_is_written_to(tmp_path: Path) -> None:
    real = tmp_path / "published"
    real.mkdir()
    (tmp_path / "out").symlink_to(real, target_is_directory=True)
    assert main(["report", "-c", str(write_catalogue(tmp_path / "c")), "--out", str(tmp_path / "out")]) == 0
    assert (real / "index.html").is_file()
