"""What names a brandlint guide, kept apart from `brandlint.guide.loader` (the compiled-guide
cache, the guide model, the rule interface) so that a shell can tell a guide's file by its
name without them: the language server's process, which never loads a guide."""

from __future__ import annotations

GUIDE_NAMES = ("brandlint.yaml", ".brandlint.yaml", "brandlint.yml", ".brandlint.yml")
