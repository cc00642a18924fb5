"""docs/ci.md and .pre-commit-hooks.yaml stay true: every YAML snippet parses, and every
`mvgplan` command in them is one the command line accepts today."""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.cli.main import build_parser

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "ci.md"
HOOKS = REPO / ".pre-commit-hooks.yaml"
COMMAND_KEYS = {"run", "script", "before_script", "entry"}
# Shell expansions in the snippets, replaced by a value of the kind they produce.
EXPANSIONS = {'"$(date +%F)"': "2026-11-23"}


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def _yaml_blocks() -> list[Any]:
    return [yaml.safe_load(block) for block in _blocks("yaml")]


def _command_strings(node: Any, key: str | None = None) -> Iterator[str]:
    """The shell commands in a CI file: the values of run/script/entry keys, at any depth."""
    if isinstance(node, dict):
        for k, value in node.items():
            yield from _command_strings(value, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from _command_strings(item, key)
    elif isinstance(node, str) and key in COMMAND_KEYS:
        yield node


def _mvgplan_argvs(shell: str) -> Iterator[list[str]]:
    """argv (after `mvgplan`) of every mvgplan command in a piece of shell."""
    for expansion, value in EXPANSIONS.items():
        shell = shell.replace(expansion, value)
    for line in shell.splitlines():
        for command in re.split(r"&&|\|\||;|\|", line):
            tokens = shlex.split(command, comments=True)
            if tokens[:1] == ["mvgplan"]:
                argv = []
                for token in tokens[1:]:
                    if token.startswith((">", "<")):
                        break
                    argv.append(token)
                yield argv


def _all_argvs() -> list[list[str]]:
    argvs = [argv for block in _yaml_blocks() for s in _command_strings(block) for argv in _mvgplan_argvs(s)]
    argvs += [argv for block in _blocks("sh") for argv in _mvgplan_argvs(block)]
    argvs += [
        argv for block in _blocks("groovy") for s in re.findall(r"sh '([^']*)'", block) for argv in _mvgplan_argvs(s)
    ]
    return argvs


def test_every_yaml_snippet_in_the_ci_guide_is_valid_yaml() -> None:
    blocks = _blocks("yaml")
    assert len(blocks) >= 6
    for block in blocks:
        assert yaml.safe_load(block) is not None


def test_every_mvgplan_command_in_the_ci_guide_is_accepted_by_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argvs = _all_argvs()
    assert len(argvs) >= 10
    parser = build_parser()
    for argv in argvs:
        try:
            parser.parse_args(argv)
        except SystemExit:
            pytest.fail(
                f"docs/ci.md: `mvgplan {shlex.join(argv)}` is not a valid command line:\n{capsys.readouterr().err}"
            )


def test_the_ci_guide_covers_github_gitlab_azure_and_pre_commit() -> None:
    blocks = _yaml_blocks()
    commands = [" ".join(argv) for argv in _all_argvs()]
    assert "check --format github" in commands
    assert any("steps" in b and "jobs" not in b and "pool" in b for b in blocks), "an Azure DevOps pipeline"
    github = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    assert any("--format github" in s for s in _command_strings(github))
    gitlab = next(b for b in blocks if isinstance(b, dict) and "basutbud" in b and "script" in b["basutbud"])
    assert gitlab["basutbud"]["artifacts"]["reports"]["junit"] == "basutbud.xml"
    assert any("--format junit --out basutbud.xml" in s for s in gitlab["basutbud"]["script"])
    azure = next(b for b in blocks if isinstance(b, dict) and "pool" in b)
    publish = next(s for s in azure["steps"] if s.get("task", "").startswith("PublishTestResults"))
    assert publish["inputs"]["testResultsFormat"] == "JUnit"


def test_the_pre_commit_config_in_the_guide_names_hooks_that_exist() -> None:
    entries = {hook["id"]: hook["entry"] for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    configs = [b for b in _yaml_blocks() if isinstance(b, dict) and "repos" in b]
    assert configs
    parser = build_parser()
    for config in configs:
        for repo in config["repos"]:
            for hook in repo["hooks"]:
                assert hook["id"] in entries
                # pre-commit runs the entry with the hook's args appended
                parser.parse_args([*shlex.split(entries[hook["id"]])[1:], *hook.get("args", [])])


def test_the_pre_commit_hooks_run_existing_commands_once_on_catalogue_changes() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"mvgplan-validate", "mvgplan-check"}
    parser = build_parser()
    for hook_id, hook in hooks.items():
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        argv = shlex.split(hook["entry"])
        assert argv == ["mvgplan", hook_id.removeprefix("mvgplan-")]
        parser.parse_args(argv[1:])
        files = re.compile(hook["files"])
        assert files.search("catalog/units/hc-bollnas.yaml") and files.search("catalog/basutbud.yaml")
        assert not files.search("README.md") and not files.search("docs/ci.md")


def test_every_report_the_ci_guide_uploads_is_written_with_out_never_redirected() -> None:
    # A shell redirect creates the file before mvgplan runs: a broken catalogue would leave an
    # empty report for the upload step; `--out` writes nothing on input errors.
    argvs = _all_argvs()
    written = [argv for argv in argvs if "--format" in argv and argv[argv.index("--format") + 1] in ("junit", "sarif")]
    assert written
    assert all("--out" in argv for argv in written)
    assert "> basutbud" not in DOC.read_text(encoding="utf-8")


def _git(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(REPO), *argv], capture_output=True, text=True, check=False)


def test_every_version_the_ci_guide_installs_exists_in_the_repository() -> None:
    if _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout")
    text = DOC.read_text(encoding="utf-8")
    refs = set(re.findall(r"mvgplan@([\w.\-/]+)\"", text)) | {
        repo["rev"] for b in _yaml_blocks() if isinstance(b, dict) for repo in b.get("repos", [])
    }
    assert refs
    for ref in refs:
        # `main` is the default branch every clone has (a shallow CI checkout may know it only
        # as origin/main); anything else must be a tag or commit this repository really has.
        found = any(
            _git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").returncode == 0
            for name in (ref, f"origin/{ref}")
        )
        assert found or ref == "main", f"docs/ci.md installs {ref!r}, which this repository does not have"
