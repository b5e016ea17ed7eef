"""What the provider-schema check costs: loading a bundled schema, and checking a module.

Each measurement runs in a fresh interpreter (a cold process, as one ``tffix`` run is):
``python bench/schema_load.py`` prints, per major version, the milliseconds
``load_schema`` takes, then the time of ``check_documents`` on the bundled ECS example
(schema load included) against the time of parsing it. Best of 5.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LOAD = """
import time, json
from fixer.schema import load_schema  # the package import is not the schema's cost
t = time.perf_counter()
load_schema({major})
print(json.dumps((time.perf_counter() - t) * 1000))
"""

CHECK = """
import time, json
from pathlib import Path
from fixer.syntax.parser import parse
t = time.perf_counter()
from fixer.schema.module_check import check_documents, module_provider_version
docs = [(p.name, parse(p.read_text(), p.name)) for p in sorted(Path({path!r}).glob("*.tf"))]
parsed = time.perf_counter()
check = check_documents(docs, module_provider_version(docs, None))
done = time.perf_counter()
print(json.dumps([(parsed - t) * 1000, (done - parsed) * 1000, len(check.mismatches), check.note]))
"""


def best(code: str, runs: int = 5):
    results = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
               for _ in range(runs)]
    return min(results, key=lambda r: r if isinstance(r, float) else r[1])


def main() -> int:
    for major in (3, 4, 5, 6):
        print(f"load_schema({major}): {best(LOAD.format(major=major)):.1f} ms")
    parse_ms, check_ms, count, note = best(CHECK.format(path=str(ROOT / "examples" / "ecs-fargate")))
    print(f"examples/ecs-fargate: parse {parse_ms:.1f} ms, schema check {check_ms:.1f} ms "
          f"(schema load included), {count} mismatches; {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
