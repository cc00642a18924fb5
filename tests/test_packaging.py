"""A plain `pip install .` (the README's first command) must carry every file the code reads."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_file_in_the_package_that_is_not_python_is_declared_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared: dict[str, list[str]] = config["tool"]["setuptools"].get("package-data", {})
    data_files = [
        path
        for path in (ROOT / "planner").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data_files, "the explorer's stylesheet at least is not Python"
    for path in data_files:
        package = ".".join(path.parent.relative_to(ROOT).parts)
        patterns = declared.get(package, [])
        assert any(fnmatch.fnmatch(path.name, p) for p in patterns), (
            f"{path.relative_to(ROOT)} is not in [tool.setuptools.package-data] {package!r}: "
            "a non-editable install would leave it out"
        )
