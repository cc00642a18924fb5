"""The headless core never imports Textual or a front end (STYLE habit 1)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import planner

FRONT_ENDS = ("planner.tui", "planner.cli")


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(planner.__path__, prefix="planner.")]
    return sorted(n for n in names if not n.startswith(FRONT_ENDS) and n != "planner.__main__")


def test_there_is_a_core_to_check() -> None:
    modules = core_modules()
    assert "planner.catalog.loader" in modules
    assert "planner.plan.scheduler" in modules
    assert "planner.conformance.check" in modules


def test_no_core_module_imports_textual_or_a_front_end() -> None:
    modules = core_modules()
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "banned = ('textual', 'planner.tui', 'planner.cli')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith(banned[1:]))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the core pulled in: {result.stdout.strip()}"


def test_the_command_line_does_not_import_textual_until_explore_runs() -> None:
    script = "import sys\nfrom planner.cli.main import build_parser\nbuild_parser()\nprint('textual' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_every_command_module_is_in_the_command_table_and_registers_and_runs() -> None:
    import importlib
    from pathlib import Path

    from planner.cli.commands import COMMANDS

    on_disk = sorted(p.stem for p in Path(planner.__path__[0], "cli").glob("*_cmd.py"))
    in_table = sorted(c.module.rsplit(".", 1)[1] for c in COMMANDS)
    assert in_table == on_disk
    for command in COMMANDS:
        module = importlib.import_module(command.module)
        assert callable(module.register) and callable(module.run), command.name
        assert command.help and command.description, command.name
