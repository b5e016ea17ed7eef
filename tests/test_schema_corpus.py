"""The provider-schema validator on the real-world corpus reports exactly the mismatches whose
verdicts are recorded in ``schema_corpus_verdicts.tsv`` (all true positives): a new report is a
false positive until proven otherwise, a missing one a regression."""

from __future__ import annotations

import sys
from pathlib import Path

from corpus_paths import CORPUS, requires_shared

VERDICTS = Path(__file__).with_name("schema_corpus_verdicts.tsv")


def _recorded() -> dict[tuple[str, str, str], str]:
    out = {}
    for line in VERDICTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            location, kind, name, verdict = line.split("\t")
            out[(location, kind, name)] = verdict
    return out


@requires_shared
def test_corpus_mismatches_are_exactly_the_recorded_true_positives():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        from schema_corpus import corpus_mismatches
    finally:
        sys.path.pop(0)
    found = {
        (f"{path}:{m.node.line}", m.kind, ".".join(m.path + (m.name,)))
        for path, m, _check in corpus_mismatches(CORPUS)
    }
    recorded = _recorded()
    assert found - set(recorded) == set(), "new mismatches: verdict them or fix the validator"
    assert set(recorded) - found == set(), "recorded mismatches no longer reported"
    assert all(verdict.startswith("true positive") for verdict in recorded.values())
