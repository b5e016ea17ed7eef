"""Resource names: the rules AWS sets on them and the ways to rename one so that it fits.

:mod:`fixer.names.renames` writes the rename expressions (budgeted truncation keeping the
suffix whole, a length-guarded hash, a cut prefix); :mod:`fixer.names.checks` says which of
a name type's rules (``fixer.facts.aws_names``) a name breaks. :mod:`fixer.names.site` reads
a name attribute over a resource's instances; :mod:`fixer.names.length_fix` chooses the fix
for a name that is or may be too long, :mod:`fixer.names.character_fix` the one for
capitals or a trailing hyphen.
"""
