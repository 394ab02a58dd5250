"""Inline comments that switch rules off: `<!-- brandlint-disable rule.id -->` and friends.

Directives, in any comment the format supports:
  brandlint-disable [RULE ...]            off from here (all rules if none named)
  brandlint-enable [RULE ...]             back on (all open disables if none named)
  brandlint-disable-next-line [RULE ...]  off for the line after the comment
  brandlint-disable-line [RULE ...]       off for the comment's own line
Rule names may be globs (`kestrel.terms.*`).

The same comments carry Vale's switches (`vale off`, `vale Style.Rule = NO`), read by
`switches.ValeSwitches` into suppressions of their own.
"""

from __future__ import annotations

import fnmatch
import re

from brandlint.core.document import Suppression
from brandlint.document.switches import ValeSwitches

_DIRECTIVE = re.compile(
    r"^\s*brandlint-(disable-next-line|disable-line|disable|enable)\b(.*)$", re.S
)


class SuppressionCollector:
    """Collects directives in document order and closes open ranges at the end."""

    def __init__(self) -> None:
        self._open: list[tuple[tuple[str, ...], int]] = []
        self._done: list[Suppression] = []
        self._vale = ValeSwitches()

    def comment(self, body: str, line: int, end_line: int) -> None:
        if self._vale.comment(body, line):
            return
        found = _DIRECTIVE.match(body)
        if not found:
            return
        kind = found.group(1)
        rules = tuple(r for r in re.split(r"[\s,]+", found.group(2).strip()) if r)
        if kind == "disable-next-line":
            self._done.append(Suppression(rules, end_line + 1, end_line + 1))
        elif kind == "disable-line":
            self._done.append(Suppression(rules, line, end_line))
        elif kind == "disable":
            self._open.append((rules, line))
        else:
            still_open = []
            for open_rules, start in self._open:
                if rules and not open_rules:  # `enable x` leaves a blanket disable in place
                    still_open.append((open_rules, start))
                    continue
                self._done.append(Suppression(open_rules, start, line))
                remaining = tuple(r for r in open_rules if r not in rules) if rules else ()
                if remaining:
                    still_open.append((remaining, line + 1))
            self._open = still_open

    def finish(self) -> tuple[Suppression, ...]:
        closed = [Suppression(rules, start, None) for rules, start in self._open]
        return tuple(self._done + closed + self._vale.finish())


def is_suppressed(
    suppressions: tuple[Suppression, ...], rule: str, line: int, reads_source: bool = False
) -> bool:
    """Whether a switch covers `rule` on `line`; `reads_source`: the rule reads the raw
    source (Vale's `scope: raw`), which Vale's switches reach differently."""
    for s in suppressions:
        if s.reach != "all" and (s.reach == "source") != reads_source:
            continue
        if line < s.line or (s.end_line is not None and line > s.end_line):
            continue
        if not s.rules or any(fnmatch.fnmatchcase(rule, pattern) for pattern in s.rules):
            return True
    return False
