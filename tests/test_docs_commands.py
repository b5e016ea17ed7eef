"""Docs that cannot go stale: every fenced ``sh`` block of README.md and docs/*.md is run.

Each command line of each block runs in ``sh``, in a temporary copy of the bundled example
(so the lines that write, write there), with ``tffix`` from this environment first on PATH
(``TFFIX_DOCS_BIN`` names another bin directory: ``.ci/fresh-wheel`` runs this file with the
fresh wheel's). A line must exit 0 or 1 (1: findings left), print no traceback and no
``internal error``.

The temporary directory is a git repository with the example committed and an
``origin/main`` ref (for ``--diff-base origin/main``), holding ``examples/ecs-fargate`` and,
for the README's placeholders, ``lib/`` (another copy of the example) and ``prod.tfvars``
(the example's ``terraform.tfvars``).

A block can be marked by an HTML comment on the line above it (the only exceptions):

* ``<!-- docs-test: installed -->``: its ``pip install ...`` commands are what the environment
  running this test has done already (``.ci/run`` installs ``.[test]``, ``.ci/fresh-wheel``
  the wheel alone); they are dropped and the rest of each line runs.
* ``<!-- docs-test: skip REASON -->``: not run (a network, or the test suite itself); a reason
  is required, and at most ``MAX_SKIPPED`` blocks may be skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLE = ROOT / "examples" / "ecs-fargate"
MAX_SKIPPED = 3

_FENCE = re.compile(r"^```(\w*)\s*$")
_DIRECTIVE = re.compile(r"^<!--\s*docs-test:\s*(\w+)\s*(.*?)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    directive: str  # "", "installed" or "skip"
    reason: str
    commands: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def sh_blocks(path: Path) -> list[Block]:
    """The fenced ``sh`` blocks of a Markdown file, each as its logical command lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        if match.group(1) == "sh":
            directive = _DIRECTIVE.match(lines[i - 1]) if i else None
            commands = []
            pending = ""
            for raw in lines[i + 1:end]:
                if raw.endswith("\\"):
                    pending += raw[:-1]
                    continue
                command = (pending + raw).strip()
                pending = ""
                if command and not command.startswith("#"):
                    commands.append(command)
            blocks.append(Block(
                path, i + 1, directive.group(1) if directive else "", directive.group(2) if directive else "",
                tuple(commands),
            ))
        i = end + 1
    return blocks


ALL_BLOCKS = [block for doc in DOCS for block in sh_blocks(doc)]


def without_installs(command: str) -> str:
    """The command with its ``pip install ...`` parts (joined by ``&&``) removed."""
    parts = [p.strip() for p in command.split("&&")]
    kept = [p for p in parts if not re.match(r"^(python3? -m )?pip install\b", p)]
    return " && ".join(kept)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    shutil.copytree(EXAMPLE, root / "examples" / "ecs-fargate", symlinks=False)
    shutil.copytree(EXAMPLE, root / "lib", symlinks=False)
    shutil.copy(EXAMPLE / "terraform.tfvars", root / "prod.tfvars")
    if shutil.which("git"):
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "example"],
                     ["update-ref", "refs/remotes/origin/main", "HEAD"]):
            subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    return root


def _environment() -> dict[str, str]:
    bin_dir = os.environ.get("TFFIX_DOCS_BIN") or os.path.dirname(sys.executable)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env["TFFIX_NO_CACHE"] = "1"
    return env


def test_the_docs_have_commands_and_few_exceptions() -> None:
    assert len(ALL_BLOCKS) >= 4
    assert sum(len(b.commands) for b in ALL_BLOCKS if b.directive != "skip") >= 15
    skipped = [b for b in ALL_BLOCKS if b.directive == "skip"]
    assert len(skipped) <= MAX_SKIPPED, [b.id for b in skipped]
    for block in ALL_BLOCKS:
        assert block.directive in ("", "installed", "skip"), f"{block.id}: unknown directive {block.directive!r}"
        if block.directive == "skip":
            assert block.reason, f"{block.id}: a skipped block needs a reason"


def test_block_parsing() -> None:
    assert without_installs("pip install -e . && tffix --diff x") == "tffix --diff x"
    assert without_installs("python -m pip install -q x && a && b") == "a && b"
    readme = sh_blocks(ROOT / "README.md")
    assert readme[0].directive == "installed" and readme[0].commands[0].startswith("pip install -e .")


@pytest.mark.parametrize("block", [b for b in ALL_BLOCKS if b.directive != "skip"], ids=lambda b: b.id)
def test_command_lines_run_as_written(block: Block, workspace: Path) -> None:
    env = _environment()
    assert shutil.which("tffix", path=env["PATH"]), "tffix is not installed"
    for command in block.commands:
        line = without_installs(command) if block.directive == "installed" else command
        if not line:
            continue
        done = subprocess.run(
            ["sh", "-c", line], cwd=workspace, env=env, capture_output=True, text=True, timeout=600, check=False,
        )
        output = done.stdout + done.stderr
        where = f"{block.id}: `{line}` exited {done.returncode}\n{output[-2000:]}"
        assert done.returncode in (0, 1), where
        assert "Traceback" not in output and "internal error" not in output, where
        assert "Usage:" not in done.stderr, where
