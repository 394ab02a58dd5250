"""`brandlint lsp` with one more rule kind, `exploding`, whose check always raises: a guide
can no longer make a built-in rule fail (options are type-checked at load), and the server
must still survive a rule that fails."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from brandlint.checks.registry import KINDS
from brandlint.cli.main import main
from brandlint.core.rule import Finding, LintContext, Rule


class Exploding(Rule):
    kind = "exploding"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        raise RuntimeError("this rule always fails")


if __name__ == "__main__":
    KINDS[Exploding.kind] = Exploding
    sys.exit(main(["lsp"]))
