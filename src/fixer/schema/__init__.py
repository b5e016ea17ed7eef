"""AWS provider schemas bundled with tffix, the provider version a module uses, and a
validator of resource and data blocks against them."""

from .loader import AVAILABLE_MAJORS, load_schema, newest_major
from .model import AttributeSchema, BlockSchema, BlockTypeSchema, ProviderSchema

__all__ = [
    "AVAILABLE_MAJORS",
    "AttributeSchema",
    "BlockSchema",
    "BlockTypeSchema",
    "ProviderSchema",
    "load_schema",
    "newest_major",
]
