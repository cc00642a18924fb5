"""Every input file is read with a bound, and only when it is a regular file.

A device says its size is 0 and never ends (`/dev/zero`), a named pipe blocks its reader
until someone writes: each file a command reads (the catalogue's files, a unit file, a plan
file for `diff`, `plan --check` or a `progress` baseline, a usage export, the unit file
`record` changes) is refused with a problem naming it, before it is opened.
The special files are a finite class, so every kind meets every reader.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.catalog.loader import load_catalog
from planner.cli.main import main
from planner.plan.read import MAX_PLAN_BYTES
from planner.readfile import MAX_INPUT_BYTES, MIB, Unreadable, read_bounded
from planner.usage.reader import MAX_USAGE_FILE_BYTES

MINI = Path(__file__).parent / "fixtures" / "mini"
FOLLOWUP = Path(__file__).parent / "fixtures" / "followup"
PLAN = Path(__file__).resolve().parents[1] / "plans" / "plan.yaml"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _null(path: Path) -> None:
    path.symlink_to("/dev/null")


def _folder(path: Path) -> None:
    path.mkdir()


def _oversize(path: Path) -> None:
    with open(path, "wb") as f:
        # sparse: past every limit, plan files' and usage exports' included
        f.truncate(max(MAX_INPUT_BYTES, MAX_PLAN_BYTES, MAX_USAGE_FILE_BYTES) + MIB)


SPECIAL: dict[str, Callable[[Path], None]] = {
    "a named pipe": _fifo,
    "a link to /dev/zero": _device,
    "a link to /dev/null": _null,
    "a folder": _folder,
    "a socket": lambda p: None,  # made by `_special` below: it must stay bound while read
    "a file over the limit": _oversize,
}
REASONS = {
    "a named pipe": "named pipe (FIFO)",
    "a link to /dev/zero": "device",
    "a link to /dev/null": "device",
    "a folder": "folder",
    "a socket": "socket",
    "a file over the limit": "the limit is",
}


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A short temporary folder: a socket's path may hold only about 100 characters."""
    with tempfile.TemporaryDirectory(prefix="mvg") as folder:
        yield Path(folder)


def _special(kind: str, path: Path, keep: list[socket.socket]) -> None:
    if path.exists() or path.is_symlink():
        path.unlink()
    if kind == "a socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        keep.append(server)
    else:
        SPECIAL[kind](path)


CATALOGUE_FILES = ("region.yaml", "services.yaml", "basutbud.yaml", "units/hc-alfa.yaml")


@pytest.mark.parametrize("kind", sorted(SPECIAL))
@pytest.mark.parametrize("name", CATALOGUE_FILES)
@pytest.mark.parametrize("command", ["validate", "check", "plan"])
def test_a_catalogue_file_that_is_not_a_regular_file_within_the_limit_is_refused_by_name(
    short_tmp: Path, capsys: pytest.CaptureFixture[str], command: str, name: str, kind: str
) -> None:
    root = short_tmp / "c"
    shutil.copytree(MINI, root)
    sockets: list[socket.socket] = []
    _special(kind, root / name, sockets)
    try:
        code = main([command, "-c", str(root)])
    finally:
        for s in sockets:
            s.close()
    err = capsys.readouterr().err
    assert code == 2
    assert f"{root / name}:1:1: error[" in err
    assert REASONS[kind] in err
    assert "Traceback" not in err


@pytest.mark.parametrize("kind", sorted(SPECIAL))
@pytest.mark.parametrize("reader", ["diff OLD", "diff NEW", "plan --check", "progress --baseline"])
def test_a_plan_file_that_is_not_a_regular_file_within_the_limit_is_refused_by_name(
    short_tmp: Path, capsys: pytest.CaptureFixture[str], reader: str, kind: str
) -> None:
    path = short_tmp / "p.yaml"
    sockets: list[socket.socket] = []
    _special(kind, path, sockets)
    argv = {
        "diff OLD": ["diff", str(path), str(PLAN)],
        "diff NEW": ["diff", str(PLAN), str(path)],
        "plan --check": ["plan", "-c", str(MINI), "--check", str(path)],
        "progress --baseline": ["progress", "-c", str(MINI), "--baseline", str(path)],
    }[reader]
    try:
        code = main(argv)
    finally:
        for s in sockets:
            s.close()
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    if kind == "a folder" and reader == "plan --check":  # said before planning, in its own words
        assert f"{path} is a folder" in err
        return
    assert f"{path}:1:1: error[" in err
    assert REASONS[kind] in err


@pytest.mark.parametrize("kind", sorted(set(SPECIAL) - {"a folder"}))  # a folder in usage/ is skipped
@pytest.mark.parametrize("name", ["x.csv", "x.xlsx"])
@pytest.mark.parametrize("command", ["validate", "follow-up"])
def test_a_usage_export_that_is_not_a_regular_file_within_the_limit_is_refused_by_name(
    short_tmp: Path, capsys: pytest.CaptureFixture[str], command: str, name: str, kind: str
) -> None:
    root = short_tmp / "c"
    shutil.copytree(FOLLOWUP, root)
    sockets: list[socket.socket] = []
    _special(kind, root / "usage" / name, sockets)
    try:
        code = main([command, "-c", str(root)])
    finally:
        for s in sockets:
            s.close()
    err = capsys.readouterr().err
    assert code == 2
    assert f"{root}/usage/{name}:1:1: error[" in err
    assert REASONS[kind] in err
    assert "Traceback" not in err


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_record_refuses_a_unit_file_that_is_not_a_regular_file_and_writes_nothing(
    short_tmp: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    root = short_tmp / "c"
    shutil.copytree(MINI, root)
    sockets: list[socket.socket] = []
    unit = root / "units" / "hc-alfa.yaml"
    _special(kind, unit, sockets)
    try:
        code = main(["record", "-c", str(root), "hc-alfa", "receptfornyelse", "enable", "--date", "2026-11-30"])
    finally:
        for s in sockets:
            s.close()
    err = capsys.readouterr().err
    assert code == 2
    assert f"{unit}:1:1: error[" in err
    assert REASONS[kind] in err
    assert "Traceback" not in err
    assert sorted(p.name for p in (root / "units").iterdir()) == sorted(p.name for p in (MINI / "units").iterdir())


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 3000), limit=st.integers(0, 3000))
def test_a_regular_file_is_read_whole_up_to_the_limit_and_refused_past_it(size: int, limit: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f"
        path.write_bytes(b"x" * size)
        if size <= limit:
            assert read_bounded(path, limit=limit) == b"x" * size
        else:
            with pytest.raises(Unreadable) as refused:
                read_bounded(path, limit=limit)
            assert refused.value.code == "too_large"


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
def test_a_file_that_says_it_is_empty_but_is_not_is_still_read_with_the_bound() -> None:
    # /proc files are regular and report st_size 0, like a file still being written.
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(Unreadable) as refused:
        read_bounded("/proc/self/maps", limit=16)
    assert refused.value.code == "too_large"
    assert "larger than" in refused.value.reason


def test_a_missing_file_is_told_apart_so_the_caller_can_say_what_to_create(tmp_path: Path) -> None:
    with pytest.raises(Unreadable) as refused:
        read_bounded(tmp_path / "nothing.yaml")
    assert refused.value.missing
    assert load_catalog(tmp_path).problems  # the loader's own words for it still apply


@pytest.mark.parametrize("kind", ["a named pipe", "a link to /dev/zero"])
def test_the_language_of_a_run_is_found_without_hanging_on_a_region_yaml_that_is_not_a_file(
    short_tmp: Path, kind: str
) -> None:
    """Without `--lang` or `$MVGPLAN_LANG`, the language comes from region.yaml (SPEC §10), read
    before the parser is built: that read, too, refuses a pipe or a device instead of blocking."""
    import subprocess
    import sys

    root = short_tmp / "c"
    shutil.copytree(MINI, root)
    _special(kind, root / "region.yaml", [])
    env = {k: v for k, v in os.environ.items() if k != "MVGPLAN_LANG"}
    run = subprocess.run(
        [sys.executable, "-m", "planner", "validate", "-c", str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert f"{root / 'region.yaml'}:1:1: error[" in run.stderr
    assert "Traceback" not in run.stderr
