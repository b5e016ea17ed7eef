"""The unified diff that --diff prints."""

from __future__ import annotations

from fixer.api import FileResult
from fixer.report.diff import render_diff


def test_headers_follow_git_for_relative_and_absolute_paths() -> None:
    relative = FileResult("lib/a.tf", "a = 1\n", "a = 2\n")
    absolute = FileResult("/tmp/m/a.tf", "a = 1\n", "a = 2\n")
    assert render_diff([relative]).splitlines()[:2] == ["--- a/lib/a.tf", "+++ b/lib/a.tf"]
    assert render_diff([absolute]).splitlines()[:2] == ["--- a/tmp/m/a.tf", "+++ b/tmp/m/a.tf"]


def test_unchanged_files_and_missing_final_newline() -> None:
    same = FileResult("same.tf", "a = 1\n", "a = 1\n")
    last = FileResult("last.tf", "a = 1", "a = 2")
    assert render_diff([same]) == ""
    assert render_diff([last]).endswith("+a = 2\n\\ No newline at end of file\n")
