"""The result cache: a warm run gives exactly the results of an uncached one, and any change misses."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rule_cases import CORPUS_RULES, CORPUS_SEEDS, rule_cases

import fixer
from fixer import api
from fixer.cache import CACHE_DIR, ResultCache, decode_results, encode_results
from fixer.cli import main
from fixer.findings import Applicability, Finding, Fix, Severity
from fixer.fixes import Problem
from fixer.rules.base import Rule
from fixer.syntax.edits import Edit

CASES = rule_cases()


class Counter:
    """Wraps api._check_module: which modules were really checked (not served by the cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.checked: list[str] = []
        original = api._check_module

        def counting(job):
            self.checked.append(job.module.directory.name)
            return original(job)

        monkeypatch.setattr(api, "_check_module", counting)

    def take(self) -> list[str]:
        out, self.checked = self.checked, []
        return out


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


# ---- a cached run is an uncached run ------------------------------------------------------


@pytest.mark.parametrize("fix,unsafe", [(False, False), (True, False), (True, True)])
def test_warm_run_equals_uncached_run_on_seeds_and_fixture_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fix: bool, unsafe: bool
) -> None:
    seeds = _copy(CORPUS_SEEDS, tmp_path / "seeds")
    cases = _copy(CORPUS_RULES, tmp_path / "rules")
    cache = tmp_path / "cache"
    counter = Counter(monkeypatch)
    args = dict(fix=fix, unsafe=unsafe, config=False)
    uncached = fixer.check_paths([seeds, cases], **args)
    modules = len(counter.take())
    assert modules > 100 and any(r.findings for r in uncached)
    if fix:
        assert any(r.changed for r in uncached) and any(r.applied for r in uncached)
    cold = fixer.check_paths([seeds, cases], cache=cache, **args)
    assert len(counter.take()) == modules  # an empty cache: every module checked
    assert len(_entries(cache)) == modules
    warm = fixer.check_paths([seeds, cases], cache=cache, **args)
    assert counter.take() == []  # nothing checked again
    assert cold == uncached
    assert warm == uncached  # findings, fixes and edits, fixed text, problems, errors, in order


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_case_from_the_cache_is_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case) -> None:
    before = _copy(case.before, tmp_path / "before")
    args = dict(
        select=case.rules, unsafe=case.unsafe, variables=case.variables, fix=True, config=False, options=case.options,
    )
    uncached = fixer.check_paths([before], **args)
    fixer.check_paths([before], cache=tmp_path / "cache", **args)
    counter = Counter(monkeypatch)
    warm = fixer.check_paths([before], cache=tmp_path / "cache", **args)
    assert counter.take() == []
    assert warm == uncached
    # the module's own files (a case's examples/*/ callers are modules of their own)
    fixed = {Path(r.path).name: r.fixed for r in warm if r.path.endswith(".tf") and Path(r.path).parent == Path(before)}
    expected = case.expected_after()
    assert fixed == {k: v for k, v in expected.items() if k.endswith(".tf")}  # and they are the right results
    ported = {str(before / Path(k).relative_to(case.before)): v for k, v in expected.items() if not k.endswith(".tf")}
    assert {r.path: r.fixed for r in warm if r.path in ported} == ported  # extra files a fix edited (REPO001)


def test_errors_problems_and_shared_file_findings_come_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "tests" / "unit").mkdir(parents=True)
    (repo / "tests" / "unit" / "test_stack.py").write_text("from aws_cdk import assertions\n", encoding="utf-8")
    for name in ("a", "b"):
        (repo / name).mkdir()
        (repo / name / "main.tf").write_text('resource "aws_s3_bucket" "x" {\r\n  bucket = "é-x"\r\n}\r\n', encoding="utf-8")
    (repo / "a" / "broken.tf").write_text("x = \n", encoding="utf-8")
    (repo / "b" / "latin1.tf").write_bytes(b'x = "\xe9"\n')
    (repo / "b" / "s.tf").write_text("# tffix:ignore AWS999\nx = 1\n", encoding="utf-8")
    uncached = fixer.check_paths([repo], config=False)
    by_name = {Path(r.path).name: r for r in uncached}
    assert by_name["broken.tf"].error and by_name["latin1.tf"].error
    assert [f.rule for f in by_name["test_stack.py"].findings] == ["REPO001"]  # once, not once per module
    assert [f.rule for f in by_name["s.tf"].findings] == ["TFX001"]
    fixer.check_paths([repo], config=False, cache=tmp_path / "c")
    counter = Counter(monkeypatch)
    assert fixer.check_paths([repo], config=False, cache=tmp_path / "c") == uncached
    assert counter.take() == []


def test_encoding_round_trip_keeps_every_field() -> None:
    edit = Edit(3, 7, 'trimsuffix("é\\n", "-")\r\n')
    fix = Fix("Do it", Applicability.UNSAFE, (("a.tf", edit), ("b.tf", Edit(0, 0, "x"))))
    shared = Finding("AWS001", "too long ☃", "a.tf", 1, 2, 3, 4, 5, 6, Severity.WARNING, fix, ("n1", "n2"))
    other = Finding("AWS002", "m", "a.tf", 2, 1, 2, 9, 10, 18)
    results = [
        api.FileResult("a.tf", "abc\r\ndef", "abX\r\ndef", [shared, other], [other], [shared],
                       [Problem("fix-invalid", "AWS001", "a.tf", "msg", "Traceback ...")]),
        api.FileResult("b.tf", None, None, error="b.tf:1:1: bad"),
        api.FileResult("c.tf", "same", "same"),
        api.FileResult("d.tf", "not on disk", "not on disk"),
    ]
    texts = {"a.tf": "abc\r\ndef", "c.tf": "same", "d.tf": "other"}
    data = json.loads(json.dumps(encode_results(results, texts, [other])))
    assert len(data["findings"]) == 2  # a finding in several lists is stored once
    assert data["files"][0]["original"] is True and data["files"][2]["fixed"] is True
    assert data["files"][3]["original"] == "not on disk"
    decoded, extra = decode_results(data, texts, api.FileResult)
    assert decoded == results and extra == [other]
    assert decoded[0].findings[0].fix.edits[0][1] == edit


# ---- what invalidates an entry ------------------------------------------------------------


def _module(tmp_path: Path) -> Path:
    module = tmp_path / "mod"
    module.mkdir()
    (module / "main.tf").write_text(
        'variable "environment_suffix" {\n  type = string\n}\n\n'
        'resource "aws_lb_target_group" "tg" {\n  name = "tg-${var.environment_suffix}-very-long-name-x"\n}\n',
        encoding="utf-8",
    )
    (module / "other.tf").write_text("locals {\n  a = 1\n}\n", encoding="utf-8")
    (module / "terraform.tfvars").write_text('environment_suffix = "dev"\n', encoding="utf-8")
    (module / ".tffix.toml").write_text('select = ["AWS"]\n', encoding="utf-8")
    return module


def _flip(path: Path) -> None:
    """Change one byte."""
    data = bytearray(path.read_bytes())
    index = data.index(b"1") if b"1" in data else len(data) - 2
    data[index] = ord("2") if data[index] == ord("1") else ord("1")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "change",
    ["tf-byte", "other-tf-byte", "tfvars-byte", "auto-tfvars-added", "config-byte", "var-file-byte",
     "extra-file-byte", "version", "selection", "options", "unsafe", "fix", "variables", "new-tf-file",
     "removed-tf-file"],
)
def test_any_change_of_an_input_or_setting_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    module = _module(tmp_path)
    var_file = tmp_path / "extra.tfvars"
    var_file.write_text('other = "v1"\n', encoding="utf-8")
    (module / "tests").mkdir()
    (module / "tests" / "test_x.py").write_text("import os\nx = 1\n", encoding="utf-8")
    cache = tmp_path / "cache"
    args: dict = dict(fix=True, var_files=[str(var_file)], variables=["x=1"])

    def run(**extra):
        merged = {**args, **extra}
        return fixer.check_paths([module], cache=cache, **merged), fixer.check_paths([module], **merged)

    run()
    counter = Counter(monkeypatch)
    run()
    assert counter.take() == ["mod"]  # only the uncached run checked it: a hit before the change
    extra: dict = {}
    if change == "tf-byte":
        _flip(module / "main.tf")
    elif change == "other-tf-byte":
        _flip(module / "other.tf")
    elif change == "tfvars-byte":
        (module / "terraform.tfvars").write_text('environment_suffix = "deu"\n', encoding="utf-8")
    elif change == "auto-tfvars-added":
        (module / "x.auto.tfvars").write_text('environment_suffix = "d"\n', encoding="utf-8")
    elif change == "config-byte":
        (module / ".tffix.toml").write_text('select = ["AWS"] \n', encoding="utf-8")  # same meaning
    elif change == "var-file-byte":
        _flip(var_file)
    elif change == "extra-file-byte":
        _flip(module / "tests" / "test_x.py")
    elif change == "version":
        monkeypatch.setattr(api, "__version__", "99.0.0")
    elif change == "selection":
        extra = {"select": ["AWS001"]}
    elif change == "options":
        extra = {"options": {"AWS001": {"assumed-input-length": 40}}}
    elif change == "unsafe":
        extra = {"unsafe": True}
    elif change == "fix":
        extra = {"fix": False}
    elif change == "variables":
        extra = {"variables": ["x=2"]}
    elif change == "new-tf-file":
        (module / "new.tf").write_text("locals {}\n", encoding="utf-8")
    elif change == "removed-tf-file":
        (module / "other.tf").unlink()
    cached, uncached = run(**extra)
    assert counter.take() == ["mod", "mod"]  # checked again: the entry was not used
    assert cached == uncached


_RULE_SOURCE = '''
from fixer.findings import Finding
from fixer.rules.base import Rule


class Marker(Rule):
    code = "TST900"
    name = "marker"
    fix_availability = "never"

    def check(self, ctx):
        for file in ctx.module.files:
            yield Finding("TST900", MESSAGE, file.path, 1, 1, 1, 2, 0, 1)


MESSAGE = "{message}"
'''


def test_a_changed_rule_source_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key holds the size and mtime of the code that runs: tffix's files and the rules' modules."""
    import importlib

    from fixer.rules import registry

    source = tmp_path / "tst_cache_rule.py"
    source.write_text(_RULE_SOURCE.format(message="one"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    rule_module = importlib.import_module("tst_cache_rule")
    monkeypatch.setattr(registry, "RULES", [rule_module.Marker])
    monkeypatch.setattr("fixer.cache._FINGERPRINTS", {})
    module = _module(tmp_path)
    cache = tmp_path / "cache"
    [first] = [f.message for r in fixer.check_paths([module / "main.tf"], cache=cache, config=False) for f in r.findings]
    assert first == "one"
    source.write_text(_RULE_SOURCE.format(message="two"), encoding="utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    importlib.reload(rule_module)
    monkeypatch.setattr(registry, "RULES", [rule_module.Marker])
    monkeypatch.setattr("fixer.cache._FINGERPRINTS", {})  # a new process computes it afresh
    [second] = [f.message for r in fixer.check_paths([module / "main.tf"], cache=cache, config=False) for f in r.findings]
    assert second == "two"
    sys.modules.pop("tst_cache_rule", None)


def test_the_grammar_of_a_source_checkout_is_part_of_the_code_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a source checkout the parser reads ``grammars/hcl.lark`` beside ``src/``, outside the
    package: editing it must change the key, as editing a ``.py`` file does."""
    import fixer.cache as cache_module

    package = tmp_path / "src" / "fixer"
    package.mkdir(parents=True)
    (package / "cache.py").write_text("", encoding="utf-8")
    grammar = tmp_path / "grammars" / "hcl.lark"
    grammar.parent.mkdir()
    grammar.write_text("start: body\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "__file__", str(package / "cache.py"))
    monkeypatch.setattr(cache_module, "_FINGERPRINTS", {})
    before = cache_module.code_fingerprint()
    os.utime(grammar, ns=(grammar.stat().st_atime_ns, grammar.stat().st_mtime_ns + 10**9))
    monkeypatch.setattr(cache_module, "_FINGERPRINTS", {})  # a new process computes it afresh
    assert cache_module.code_fingerprint() != before


# ---- a shared, damaged or unusable cache --------------------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other-format", "other-key", "bad-shape"])
def test_a_damaged_entry_is_a_miss_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    module = _module(tmp_path)
    cache = tmp_path / "cache"
    expected = fixer.check_paths([module], fix=True)
    fixer.check_paths([module], fix=True, cache=cache)
    [entry] = _entries(cache)
    text = entry.read_text(encoding="utf-8")
    data = json.loads(text)
    if damage == "truncated":
        entry.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "garbage":
        entry.write_bytes(b"\xff\x00garbage")
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "other-format":
        entry.write_text(json.dumps({**data, "format": 0}), encoding="utf-8")
    elif damage == "other-key":
        entry.write_text(json.dumps({**data, "key": "0" * 64}), encoding="utf-8")
    elif damage == "bad-shape":
        data["data"]["files"][0]["findings"] = [999]
        entry.write_text(json.dumps(data), encoding="utf-8")
    counter = Counter(monkeypatch)
    assert fixer.check_paths([module], fix=True, cache=cache) == expected
    assert counter.take() == ["mod"]
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == data["format"]  # rewritten whole
    assert fixer.check_paths([module], fix=True, cache=cache) == expected
    assert counter.take() == []


def test_cache_directory_layout(tmp_path: Path) -> None:
    module = _module(tmp_path)
    cache = tmp_path / "cache"
    fixer.check_paths([module], cache=cache)
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    [entry] = _entries(cache)
    assert entry.parent == cache / fixer.__version__
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]  # no temporary file left


def test_an_unusable_cache_directory_only_makes_the_run_uncached(tmp_path: Path) -> None:
    module = _module(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    expected = fixer.check_paths([module], fix=True)
    assert fixer.check_paths([module], fix=True, cache=blocker / "cache") == expected
    assert ResultCache(blocker / "cache").store("k", {}) is False


def test_a_file_edited_while_checked_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _module(tmp_path)
    original = api._check_module

    def edit_during(job):
        result = original(job)
        _flip(module / "other.tf")
        return result

    monkeypatch.setattr(api, "_check_module", edit_during)
    fixer.check_paths([module], cache=tmp_path / "cache")
    assert _entries(tmp_path / "cache") == []


class Crashing(Rule):
    code = "TST901"
    name = "crashing"
    fix_availability = "never"

    def check(self, ctx):
        raise RecursionError("too deep")


def test_a_module_where_a_rule_crashed_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fixer.rules import registry

    module = _module(tmp_path)
    monkeypatch.setattr(registry, "RULES", [Crashing])
    [result] = [r for r in fixer.check_paths([module / "main.tf"], cache=tmp_path / "cache", config=False)]
    assert [p.kind for p in result.problems] == ["rule-crashed"]
    assert _entries(tmp_path / "cache") == []


def test_a_module_with_an_internal_error_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _module(tmp_path)

    def broken(*_a, **_k):
        raise MemoryError("no room")

    monkeypatch.setattr(api, "module_values", broken)
    results = fixer.check_paths([module], cache=tmp_path / "cache")
    assert results and all("internal error" in r.error and "MemoryError" in r.error for r in results)
    assert all(r.problems[0].kind == "internal-error" for r in results)
    assert _entries(tmp_path / "cache") == []


def test_an_unreadable_input_makes_the_module_run_uncached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _module(tmp_path)
    (module / "gone.tf").symlink_to(tmp_path / "nowhere.tf")
    expected = fixer.check_paths([module], fix=True)
    assert [Path(r.path).name for r in expected if r.error] == ["gone.tf"]
    counter = Counter(monkeypatch)
    for _ in range(2):
        assert fixer.check_paths([module], fix=True, cache=tmp_path / "cache") == expected
    assert counter.take() == ["mod", "mod"] and _entries(tmp_path / "cache") == []


def _shared_run(args: tuple[str, str]) -> list:
    root, cache = args
    return fixer.check_paths([root], fix=True, unsafe=True, config=False, cache=cache)


def test_concurrent_runs_share_one_cache(tmp_path: Path) -> None:
    root = _copy(CORPUS_SEEDS / "alb-autoscaling", tmp_path / "seeds")
    _copy(CORPUS_RULES / "AWS001", tmp_path / "seeds" / "aws001")
    cache = str(tmp_path / "cache")
    expected = fixer.check_paths([root], fix=True, unsafe=True, config=False)
    with multiprocessing.get_context("fork").Pool(3) as pool:
        outcomes = pool.map(_shared_run, [(str(root), cache)] * 6, chunksize=1)
    assert all(o == expected for o in outcomes)
    for entry in _entries(Path(cache)):
        json.loads(entry.read_text(encoding="utf-8"))  # every entry whole
    assert fixer.check_paths([root], fix=True, unsafe=True, config=False, cache=cache) == expected


# ---- the command line ---------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _cache_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest.py turns the cache off for the suite; these tests are about it."""
    monkeypatch.delenv("TFFIX_NO_CACHE", raising=False)


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from fixer.cli import main; main()", "check", *args],
        cwd=cwd, capture_output=True, text=True,
    )


def test_cli_caches_in_the_working_directory_and_no_cache_turns_it_off(tmp_path: Path) -> None:
    seeds = _copy(CORPUS_SEEDS, tmp_path / "seeds")
    work = tmp_path / "work"
    work.mkdir()
    off = _cli(work, "--no-cache", str(seeds))
    assert not (work / CACHE_DIR).exists()
    cold = _cli(work, str(seeds))
    assert (work / CACHE_DIR / "CACHEDIR.TAG").is_file() and _entries(work / CACHE_DIR)
    warm = _cli(work, str(seeds))
    assert off.returncode == cold.returncode == warm.returncode == 1
    assert off.stdout == cold.stdout == warm.stdout and "AWS001" in warm.stdout
    assert off.stderr == cold.stderr == warm.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "TFFIX_NO_CACHE": "1"}
    by_env = subprocess.run(
        [sys.executable, "-c", "from fixer.cli import main; main()", "check", str(seeds)],
        cwd=elsewhere, capture_output=True, text=True, env=env,
    )
    assert by_env.stdout == off.stdout and not (elsewhere / CACHE_DIR).exists()


def test_cli_write_with_a_warm_cache_writes_the_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _copy(CORPUS_SEEDS / "ecs-fargate", tmp_path / "ecs")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["check", "--diff", str(seeds)])
    second = runner.invoke(main, ["check", "--diff", str(seeds)])
    assert first.output == second.output and "+++" in second.output
    wrote = runner.invoke(main, ["check", "--write", "--unsafe-fixes", str(seeds)])
    assert wrote.exit_code in (0, 1)
    expected = {p.name: p.read_text(encoding="utf-8") for p in (CORPUS_SEEDS / "ecs-fargate-fixed").glob("*.tf")}
    assert {p.name: p.read_text(encoding="utf-8") for p in seeds.glob("*.tf")} == expected
    # the fixed files are new content: checked again, and the same as without a cache
    again = runner.invoke(main, ["check", str(seeds)])
    uncached = runner.invoke(main, ["check", "--no-cache", str(seeds)])
    assert again.output == uncached.output and again.exit_code == uncached.exit_code


def test_the_remembered_walk_to_lock_files_finds_what_find_lock_files_finds(tmp_path: Path) -> None:
    """The cache key's lock files (api._lock_files, one walk up shared by the run's modules)
    are find_lock_files' for every module, in any order: a lock file in the module or above,
    a directory named like one, a repository root that stops the walk, and a lock file too far
    above (MAX_LEVELS) to count."""
    from fixer.discovery import discover_modules
    from fixer.schema.versions import LOCK_FILE, MAX_LEVELS, find_lock_files

    chain = tmp_path / "deep"
    for i in range(MAX_LEVELS + 4):
        chain = chain / f"c{i}"
        chain.mkdir(parents=True)
        (chain / "main.tf").write_text('variable "x" {}\n', encoding="utf-8")
    (tmp_path / "deep" / "c0" / LOCK_FILE).write_text("", encoding="utf-8")
    for name, setup in (("own", "lock"), ("fake", "dir"), ("repo", "git"), ("plain", None)):
        module = tmp_path / "flat" / name / "inner"
        module.mkdir(parents=True)
        (module / "main.tf").write_text('variable "x" {}\n', encoding="utf-8")
        if setup == "lock":
            (module / LOCK_FILE).write_text("", encoding="utf-8")
        elif setup == "dir":
            (module / LOCK_FILE).mkdir()
        elif setup == "git":
            (module.parent / ".git").mkdir()
    (tmp_path / "flat" / LOCK_FILE).write_text("", encoding="utf-8")
    modules = discover_modules([str(tmp_path)])
    expected = [find_lock_files(m.directory) for m in modules]
    assert sum(1 for e in expected if e) >= 4 and sum(1 for e in expected if not e) >= 3  # both kinds
    for order in (modules, modules[::-1]):
        memo: dict = {}
        got = {str(m.directory): api._lock_files(m, memo) for m in order}
        assert [got[str(m.directory)] for m in modules] == expected


@pytest.mark.parametrize("key", ["0123abcdef" * 6 + "0123", 'odd "key" é\\'])
def test_entry_layout_and_mac_of_any_key(tmp_path: Path, key: str) -> None:
    """An entry's head spells its key as JSON (a hex key as is, any other escaped), its MAC
    is HMAC-SHA256 of format, key and data, and the entry stored under the key loads back;
    a byte changed in the data is a miss."""
    import hashlib
    import hmac

    from fixer import cache

    assert cache._entry_head(key, "m") == '{"format":%d,"key":%s,"mac":"m' % (cache.FORMAT, json.dumps(key))
    message = f"{cache.FORMAT}\0{key}\0".encode("utf-8", "surrogatepass") + b"{}"
    assert cache._mac(b"s" * 32, key, b"{}") == hmac.new(b"s" * 32, message, hashlib.sha256).hexdigest()
    store = ResultCache(tmp_path / "c")
    if not key.isalnum():
        return  # keys are file names: only the hex keys make_key gives are stored
    assert store.store(key, {"a": [1, "x"]})
    assert store.load(key) == {"a": [1, "x"]}
    entry = store.entries / f"{key}.json"
    entry.write_bytes(entry.read_bytes().replace(b'"x"', b'"y"'))
    assert store.load(key) is None
