"""`brandlint lsp` with test-only rule kinds: a guide can no longer make a built-in rule fail
or hang (options are type-checked at load, patterns have a time budget), and the server must
still survive a rule that does.

- `exploding`: its check always raises;
- `stalling`: on copy containing "stall", its check runs a search that backtracks for
  hours, holding the GIL all along, as a pathological pattern in plain `re` would;
- `crashing`: on copy containing "crash", its check ends the process it runs in.

The kinds are registered at the top level, not under `__main__`: the server lints in a
spawned worker process, which runs this script's top level again (as `__mp_main__`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator

from brandlint.checks.registry import KINDS
from brandlint.cli.main import main
from brandlint.core.rule import Finding, LintContext, Rule


class Exploding(Rule):
    kind = "exploding"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        raise RuntimeError("this rule always fails")


class Stalling(Rule):
    kind = "stalling"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if "stall" in ctx.document.source:
            # backtracks for hours; `re` holds the GIL for the whole search
            re.match(r"(a+)+$", "a" * 40 + "b")
        return iter(())


class Crashing(Rule):
    kind = "crashing"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if "crash" in ctx.document.source:
            os._exit(3)
        return iter(())


KINDS[Exploding.kind] = Exploding
KINDS[Stalling.kind] = Stalling
KINDS[Crashing.kind] = Crashing

if __name__ == "__main__":
    sys.exit(main(["lsp"]))
