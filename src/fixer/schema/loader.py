"""Loading the bundled AWS provider schemas, lazily and once per process."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from .model import ProviderSchema

__all__ = ["AVAILABLE_MAJORS", "load_schema", "newest_major"]

# One schema per major version, each the last provider release the CDK for Terraform bindings
# were generated from (see scripts/gen_provider_schemas.py for the packages and files read).
AVAILABLE_MAJORS: tuple[int, ...] = (3, 4, 5, 6)


def newest_major() -> int:
    return AVAILABLE_MAJORS[-1]


@lru_cache(maxsize=None)
def load_schema(major: int) -> ProviderSchema:
    """The bundled schema of AWS provider ``major`` (3 to 6); ValueError for any other."""
    if major not in AVAILABLE_MAJORS:
        raise ValueError(f"no bundled AWS provider schema for major version {major}")
    blob = resources.files(__package__).joinpath("data", f"aws-{major}.json.gz").read_bytes()
    return ProviderSchema(json.loads(gzip.decompress(blob)))
