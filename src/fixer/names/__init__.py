"""Resource names: the rules AWS sets on them and the ways to rename one so that it fits.

:mod:`fixer.names.renames` writes the rename expressions (budgeted truncation keeping the
suffix whole, a length-guarded hash, a cut prefix); :mod:`fixer.names.checks` says which of
a name type's rules (``fixer.facts.aws_names``) a name breaks.
"""
