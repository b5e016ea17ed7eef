"""``tffix fmt``: check, diff and in-place rewriting, invalid files reported and left alone."""

from __future__ import annotations

import os
import stat

from click.testing import CliRunner

from fixer.fmt_command import collect_files, fmt, fmt_files

UGLY = "a=1\nbbb = 2\n"
PRETTY = "a   = 1\nbbb = 2\n"


def _tree(tmp_path):
    (tmp_path / "main.tf").write_bytes(UGLY.encode())
    (tmp_path / "clean.tf").write_bytes(PRETTY.encode())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "vars.tfvars").write_bytes(b"x=1\r\n")
    (tmp_path / "sub" / "a.tftest.hcl").write_bytes(b"run \"x\" {\n}\n")
    (tmp_path / "sub" / "other.hcl").write_bytes(b"x=1\n")  # not a terraform file
    (tmp_path / ".terraform").mkdir()
    (tmp_path / ".terraform" / "mod.tf").write_bytes(b"x=1\n")  # hidden: skipped
    return tmp_path


def test_collect_walks_directories_for_terraform_suffixes(tmp_path) -> None:
    root = _tree(tmp_path)
    names = [p.relative_to(root).as_posix() for p in collect_files([str(root)])]
    assert names == ["clean.tf", "main.tf", "sub/a.tftest.hcl", "sub/vars.tfvars"]


def test_check_exits_1_and_lists_files_without_writing(tmp_path) -> None:
    root = _tree(tmp_path)
    result = CliRunner().invoke(fmt, ["--check", str(root)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [str(root / "main.tf"), str(root / "sub" / "vars.tfvars")]
    assert (root / "main.tf").read_bytes() == UGLY.encode()


def test_check_exits_0_when_clean(tmp_path) -> None:
    (tmp_path / "clean.tf").write_bytes(PRETTY.encode())
    result = CliRunner().invoke(fmt, ["--check", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output == ""


def test_diff_prints_unified_diff_without_writing(tmp_path) -> None:
    path = tmp_path / "main.tf"
    path.write_bytes(UGLY.encode())
    result = CliRunner().invoke(fmt, ["--diff", str(path)])
    assert result.exit_code == 0
    assert "-a=1\n+a   = 1\n" in result.output
    assert result.output.startswith(f"--- old/{path}\n+++ new/{path}\n")
    assert path.read_bytes() == UGLY.encode()


def test_rewrites_in_place_keeping_mode_and_line_endings(tmp_path) -> None:
    root = _tree(tmp_path)
    os.chmod(root / "main.tf", 0o640)
    result = CliRunner().invoke(fmt, [str(root)])
    assert result.exit_code == 0
    assert (root / "main.tf").read_bytes() == PRETTY.encode()
    assert stat.S_IMODE((root / "main.tf").stat().st_mode) == 0o640
    assert (root / "sub" / "vars.tfvars").read_bytes() == b"x = 1\r\n"
    assert (root / "sub" / "other.hcl").read_bytes() == b"x=1\n"
    assert sorted(p.name for p in root.iterdir()) == [".terraform", "clean.tf", "main.tf", "sub"]


def test_invalid_file_reported_untouched_others_processed(tmp_path) -> None:
    bad = tmp_path / "bad.tf"
    bad.write_bytes(b"a = {\n")
    good = tmp_path / "good.tf"
    good.write_bytes(UGLY.encode())
    result = CliRunner().invoke(fmt, [str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:")
    line, col = result.stderr.split(":")[1:3]
    assert int(line) >= 1 and int(col) >= 1
    assert bad.read_bytes() == b"a = {\n"
    assert good.read_bytes() == PRETTY.encode()


def test_explicit_file_of_any_suffix_is_formatted(tmp_path) -> None:
    path = tmp_path / "x.hcl"
    path.write_bytes(b"x=1\n")
    assert CliRunner().invoke(fmt, [str(path)]).exit_code == 0
    assert path.read_bytes() == b"x = 1\n"


def test_parallel_and_serial_agree(tmp_path) -> None:
    for i in range(70):
        (tmp_path / f"f{i:02d}.tf").write_bytes((UGLY if i % 2 else PRETTY).encode())
    files = collect_files([str(tmp_path)])
    serial = list(fmt_files(files, write=False, diff=True, jobs=1))
    parallel = list(fmt_files(files, write=False, diff=True, jobs=2))
    assert serial == parallel
    assert sum(status == "changed" for _, status, _ in serial) == 35


def test_a_lone_carriage_return_in_a_comment_is_kept() -> None:
    import fixer

    # HCL's line comment runs to "\n" or "\r\n": a lone CR is part of it, and fmt keeps it
    assert fixer.format("a=1 # x\ry\n") == "a = 1 # x\ry\n"
    assert fixer.format("# x\ry\nb=2\n") == "# x\ry\nb = 2\n"
