"""The module view: the files of one directory, their declarations, values and references."""

from .module import Module, Reference, SourceFile

__all__ = ["Module", "Reference", "SourceFile"]
