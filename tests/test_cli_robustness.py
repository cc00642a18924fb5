"""No input, option or environment ends `mvgplan` in a traceback, and `--out` never half-writes.

Every error names what is wrong (and, for a file, where); usage errors exit 2.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from planner.cli.main import main

MINI = Path(__file__).parent / "fixtures" / "mini"
ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def catalogue(tmp_path: Path, old: str = "", new: str = "") -> str:
    """A copy of the mini catalogue, with `old` replaced by `new` in region.yaml."""
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    region = root / "region.yaml"
    text = region.read_text(encoding="utf-8")
    assert old in text
    region.write_text(text.replace(old, new), encoding="utf-8")
    return str(root)


# --- --out -----------------------------------------------------------------------------


def test_out_to_a_pipe_writes_into_it_and_leaves_the_pipe_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # /dev/null and /dev/stdout are such files too: renaming over them replaced the device
    # node itself with a plain file (as root). A FIFO shows it without touching /dev.
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    received = bytearray()

    def drain() -> None:  # opening blocks until the plan command opens the pipe to write
        with open(fifo, "rb") as pipe:
            received.extend(pipe.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--out", str(fifo))
    reader.join(timeout=30)
    if reader.is_alive():  # the command never opened the pipe: release the reader
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received.startswith(b"schema_version: 1\n")
    assert os.listdir(tmp_path) == ["plan.yaml"]


def test_out_through_a_symbolic_link_writes_the_file_and_keeps_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "real.yaml").write_text("old\n", encoding="utf-8")
    (tmp_path / "plan.yaml").symlink_to("real.yaml")
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--out", str(tmp_path / "plan.yaml"))
    assert code == 0, err
    assert (tmp_path / "plan.yaml").is_symlink()
    assert (tmp_path / "real.yaml").read_text(encoding="utf-8").startswith("schema_version: 1\n")


def test_out_to_a_folder_exits_2_and_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--out", str(tmp_path))
    assert code == 2
    assert "Is a directory" in err and "Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_ctrl_c_while_writing_the_plan_leaves_no_file_and_exits_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--out", str(tmp_path / "plan.yaml"))
    assert code == 130
    assert err == "interrupted\n"
    assert os.listdir(tmp_path) == []


def test_ctrl_c_before_the_command_line_is_read_exits_130_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("planner.cli.main.build_parser", interrupted)
    try:
        code = run(capsys, "plan")[0]
    except KeyboardInterrupt:  # not pytest's own Ctrl-C: the test failed
        pytest.fail("KeyboardInterrupt escaped main()")
    assert code == 130


@pytest.mark.parametrize("option", ["--out", "--check"])
def test_an_empty_file_name_is_a_usage_error_not_a_plan_on_stdout(
    capsys: pytest.CaptureFixture[str], option: str
) -> None:
    code, out, err = run(capsys, "plan", "-c", str(MINI), option, "")
    assert code == 2
    assert out == ""
    assert f"{option}: the file name is empty" in err


def test_an_empty_catalogue_path_is_a_usage_error_not_the_default_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "-c", "")
    assert code == 2
    assert "--catalog: the path is empty" in err


def test_a_catalogue_path_the_system_refuses_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "-c", "a" * 5000)
    assert code == 2
    assert ":1:1: error[invalid_value]: cannot read the catalogue: File name too long" in err


# --- --check ---------------------------------------------------------------------------


def test_check_of_a_folder_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--check", str(folder))
    assert code == 2
    assert "is a folder, not a plan file" in err


def test_check_of_a_name_too_long_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--check", "a" * 5000 + ".yaml")
    assert code == 2
    assert "File name too long" in err


def test_check_of_a_binary_file_shows_its_lines_escaped_and_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"\x1b[2J\x07" + b"x" * 10_000 + b"\n")
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--check", str(target))
    assert code == 1
    assert "-\\x1b[2J\\x07xxx" in err
    assert "\x1b" not in err and "\x07" not in err
    assert len(max(err.splitlines(), key=len)) < 300


# --- what-if overrides that leave the calendar -----------------------------------------


def test_a_parallel_min_past_the_catalogues_cap_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--parallel-min", "5201")
    assert code == 2
    assert "--parallel-min: must be at most 104, got 5201: a parallel period of more than two years" in err


def test_a_parallel_min_longer_than_the_horizon_is_still_a_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--parallel-min", "60")
    assert code == 0, err


@pytest.mark.parametrize("start", ["9999-12-31", "9999-06-01"])
def test_a_start_whose_horizon_runs_past_9999_exits_2(capsys: pytest.CaptureFixture[str], start: str) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--start", start)
    assert code == 2
    assert f"--start {start}: the plan's 52 weeks" in err
    assert "can start on 9998-12-" in err


def test_an_as_of_whose_rolling_start_runs_past_9999_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--as-of", "9999-12-31")
    assert code == 2
    assert "--as-of 9999-12-31: the plan's 52 weeks" in err and "pass an earlier --as-of" in err


def test_an_as_of_whose_rolling_start_runs_past_9999_exits_2_even_with_an_early_start(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "plan", "-c", str(MINI), "--as-of", "9999-12-31", "--start", "2027-01-04")
    assert code == 2
    assert "--as-of 9999-12-31: the plan's 52 weeks" in err


def test_a_catalogue_plan_start_past_the_calendar_is_an_input_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = catalogue(tmp_path, "  horizon_weeks: 52", "  horizon_weeks: 52\n  start: 9999-12-20")
    code, _, err = run(capsys, "plan", "-c", root)
    assert code == 2
    assert f"{root}/region.yaml:19:10: error[invalid_value]: plan.start: the plan's 52 weeks" in err


def test_a_catalogue_horizon_past_the_calendar_is_an_input_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = catalogue(tmp_path, "horizon_weeks: 52", "horizon_weeks: 600000")
    code, _, err = run(capsys, "plan", "-c", root)
    assert code == 2
    assert f"{root}/region.yaml:18:18: error[invalid_value]: plan.horizon_weeks" in err


def test_a_catalogue_parallel_min_longer_than_the_calendar_is_an_input_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = catalogue(tmp_path, "{min: 2, max: 8}", "{min: 100000000000000000000, max: 100000000000000000000}")
    code, _, err = run(capsys, "plan", "-c", root)
    assert code == 2
    assert f"{root}/region.yaml:10:25: error[invalid_value]: policy.parallel_weeks.min: must be at most 104" in err
    assert "policy.parallel_weeks.max: must be at most 5200" in err


# --- diff: files that are not plans ----------------------------------------------------


@pytest.mark.parametrize("name", ["plan.json", "plan.yaml"])
def test_diff_of_a_number_too_long_to_read_exits_2_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    old = tmp_path / name
    old.write_text('{\n  "steps": ' + "9" * 5000 + "\n}\n", encoding="utf-8")
    code, _, err = run(capsys, "diff", str(old), str(old))
    assert code == 2
    assert f"{old}:1:1: error[invalid_value]: not a plan" in err
    assert len(err) < 1000


def test_diff_of_json_nested_too_deeply_exits_2_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "plan.json"
    old.write_text('{"a": {},\n "steps": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    code, _, err = run(capsys, "diff", str(old), str(old))
    assert code == 2
    assert f"{old}:2:" in err and "error[yaml_syntax]" in err and "nesting depth" in err


def test_diff_quotes_a_huge_wrong_value_only_in_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "plan.json"
    old.write_text('{"schema_version": 1, "steps": [{"unit": ["' + "x" * 100_000 + '"]}]}', encoding="utf-8")
    code, _, err = run(capsys, "diff", str(old), str(old))
    assert code == 2
    assert len(err) < 1000


# --- standard streams ------------------------------------------------------------------


class _GoneReader(io.StringIO):
    """stdout whose reader has gone away (`mvgplan … | head -0`)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_usage_error_in_json_still_exits_2_when_stdouts_reader_is_gone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _GoneReader())
    code = main(["plan", "-c", str(MINI), "--capacity", "0", "--format", "json"])
    assert code == 2
    assert "--capacity: must be at least 1" in capsys.readouterr().err


def test_an_input_error_in_json_still_exits_2_when_stdouts_reader_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _GoneReader())
    code = main(["plan", "-c", str(tmp_path / "nowhere"), "--format", "json"])
    assert code == 2
    assert "error[" in capsys.readouterr().err


def test_a_closed_stdout_is_an_error_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # what Python leaves for `mvgplan plan >&-`
    code = main(["plan", "-c", str(MINI)])
    assert code == 2
    assert "standard output is closed" in capsys.readouterr().err


def test_out_works_with_a_closed_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["plan", "-c", str(MINI), "--out", str(tmp_path / "plan.yaml")]) == 0
    assert (tmp_path / "plan.yaml").is_file()


def test_output_under_an_ascii_encoding_is_written_as_utf8_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))  # PYTHONIOENCODING=ascii
    assert main(["plan", "-c", str(MINI)]) == 0
    assert "Vårdguidens".encode() in raw.getvalue()


def test_a_file_name_that_is_not_utf8_is_printed_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A name with byte 0xff comes to Python as the surrogate \udcff; a UTF-8 stdout in strict
    # mode (any UTF-8 locale but C) could not write it.
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", errors="strict"))
    root = tmp_path / "cat\udcff"
    shutil.copytree(MINI, root)
    assert main(["validate", "-c", str(root)]) == 0
    assert b"cat\\udcff: valid" in raw.getvalue()


def test_schema_write_onto_a_file_says_it_is_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schemas"
    target.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "schema", "--write", str(target))
    assert code == 2
    assert "it is a file, not a folder" in err


def test_a_check_whose_output_reader_went_away_never_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `mvgplan check | head -0` under `set -o pipefail`: the verdict was not read, so the
    # job must not pass; 141 is what a shell reports for a process ended by SIGPIPE.
    monkeypatch.setattr(sys, "stdout", _GoneReader())
    assert main(["check", "-c", str(MINI)]) == 141


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_reader_that_leaves_before_the_output_is_written_gives_exit_141(unbuffered: str) -> None:
    # The shipped plan as json is about twice a pipe's capacity (64 KiB), so mvgplan is still
    # writing when the reader leaves after its first bytes. PYTHONUNBUFFERED=1, common in CI
    # images, once made the text layer drop the rest silently and exit 0.
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    argv = [sys.executable, "-m", "planner", "plan", "-c", str(ROOT / "catalog"), "--format", "json"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.read(100)
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait() == 141, err


def test_a_check_whose_reader_is_gone_before_it_writes_exits_141() -> None:
    # What `mvgplan check | head -1` gives when head has left before the report is written.
    # (When the report fits in the pipe, it is written whole before head leaves, and the
    # exit code is the check's own: README, "Exit codes".)
    read, write = os.pipe()
    os.close(read)
    argv = [sys.executable, "-m", "planner", "check", "-c", str(MINI)]
    done = subprocess.run(argv, stdout=write, stderr=subprocess.PIPE, check=False)
    os.close(write)
    assert done.returncode == 141, done.stderr


def test_validate_refuses_settings_in_weeks_that_reach_past_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(MINI, catalog)
    region = catalog / "region.yaml"
    text = region.read_text(encoding="utf-8")
    assert "horizon_weeks: " in text
    region.write_text(re.sub(r"horizon_weeks: \d+", "horizon_weeks: 500000", text), encoding="utf-8")
    assert main(["validate", "-c", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert "plan.horizon_weeks: must be at most 5200 (got 500000)" in err


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_diff_of_a_plan_with_a_wrong_value_names_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    good = tmp_path / f"good.{fmt}"
    assert main(["plan", "-c", str(MINI), "--format", fmt, "--out", str(good)]) == 0
    text = good.read_text(encoding="utf-8")
    binding = r'"binding": "\w+"' if fmt == "json" else r"binding: \w+"
    wrong = '"binding": "soon"' if fmt == "json" else "binding: soon"
    broken = re.sub(binding, wrong, text, count=1)
    value = broken.index('"soon"' if fmt == "json" else "soon")  # a JSON string starts at its quote
    line = broken.count("\n", 0, value) + 1
    column = value - (broken.rfind("\n", 0, value) + 1) + 1
    bad = tmp_path / f"bad.{fmt}"
    bad.write_text(broken, encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:{line}:{column}: error[invalid_value]: steps[" in err
    assert "].binding: 'soon' is not one of start," in err


def test_ctrl_c_while_the_command_line_is_still_being_imported_exits_130_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.cli import entry

    def interrupted(name: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "import_module", interrupted)
    with pytest.raises(SystemExit) as stopped:
        entry.entry_point()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_the_console_script_runs_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.cli import entry

    monkeypatch.setattr(sys, "argv", ["mvgplan", "validate", "-c", str(MINI)])
    with pytest.raises(SystemExit) as stopped:
        entry.entry_point()
    assert stopped.value.code == 0
    assert "valid" in capsys.readouterr().out


# --- this round: streams that are files, full disks, encodings ---------------------------


def _process(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "planner", *argv]
    return subprocess.run(command, cwd=ROOT, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]


def test_out_to_dev_stdout_appended_to_a_file_keeps_what_the_file_held(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("BEFORE\n", encoding="utf-8")
    with log.open("ab") as appended:
        done = _process("plan", "-c", str(MINI), "--out", "/dev/stdout", stdout=appended, stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("BEFORE\nMigration plan: ")
    assert os.listdir(tmp_path) == ["log.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_exits_2_with_a_message_not_a_traceback() -> None:
    with open("/dev/full", "wb") as full:
        done = _process("check", "-c", str(MINI), stdout=full, stderr=subprocess.PIPE)
    err = done.stderr.decode()
    assert done.returncode == 2
    assert "cannot write the output: No space left on device" in err
    assert "Traceback" not in err


def test_json_stays_valid_json_when_the_output_encoding_is_ascii(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = _process("check", "-c", str(MINI), "--format", "json", capture_output=True, env=env)
    assert done.returncode == 1
    payload = json.loads(done.stdout.decode("utf-8"))
    assert any("hälsocentral" in (u["name"] or "").lower() for u in payload["units"])


def test_a_stderr_whose_reader_went_away_keeps_the_exit_code() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", "check", "-c", "/nonexistent/catalog"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    process.stderr.close()  # nobody reads the diagnostics
    assert process.wait(timeout=60) == 2


def test_validate_refuses_an_as_of_whose_rolling_start_runs_past_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = catalogue(tmp_path, "as_of: 2026-11-23", "as_of: 9999-12-20")
    region = Path(root) / "region.yaml"
    text = region.read_text(encoding="utf-8")
    region.write_text(re.sub(r"\n  start: [0-9-]+", "", text), encoding="utf-8")
    code, _, err = run(capsys, "validate", "-c", root)
    assert code == 2
    assert "error[invalid_value]: as_of: the plan begins the Monday after as_of at the earliest" in err


def test_diff_of_a_plan_with_an_impossible_date_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.yaml"
    assert main(["plan", "-c", str(MINI), "--format", "yaml", "--out", str(good)]) == 0
    bad = tmp_path / "bad.yaml"
    text = good.read_text(encoding="utf-8")
    assert "\nas_of: '2026-11-23'\n" in text
    bad.write_text(text.replace("\nas_of: '2026-11-23'\n", "\nas_of: 2026-02-30\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", str(good), str(bad)]) == 2
    assert f"{bad}:2:8: error[invalid_value]: as_of: 2026-02-30 is not a date" in capsys.readouterr().err
