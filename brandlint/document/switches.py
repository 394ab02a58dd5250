"""Vale's comment switches, read in the same comments as brandlint's own directives.

    vale off / vale on                   every rule off, then back on
    vale Style.Rule = NO / = YES         one rule off, then back on
    vale Style = NO / = YES              every rule of a style (brandlint's addition)

Vale (v3.7.1, `internal/core/file.go`) keeps one state while it walks the copy: an `off`
flag and a flag per rule, each set by the last switch seen. A rule is off where either is
set, so `vale on` does not undo a `Style.Rule = NO`. A name matches its rule and the rules
under it (`brandlint.hype` covers `brandlint.hype.synergy`), as Vale cuts rule names to
`Style.Rule` before it looks them up.

Vale runs its `scope: raw` rules after the walk, with the rule flags reset and `off` as the
file leaves it. So the regions here are "copy" suppressions, which rules reading the raw
source do not honour, plus, when the file ends switched off, one "source" suppression over
the whole file for those rules.

A switch holds from its comment's line; `vale on` (or `= YES`) ends the region on the line
before its own. Vale applies the state a block has when the block ends, so a switch in the
middle of a paragraph covers that whole paragraph there; here it covers the paragraph's
lines from the comment on.
"""

from __future__ import annotations

import re

from brandlint.core.document import Suppression

_OFF_ON = re.compile(r"vale\s+(off|on)")
_RULE = re.compile(r"vale\s+([^\s=]+)\s*=\s*(YES|NO)")
_GLOB_SPECIAL = re.compile(r"([*?\[])")


class ValeSwitches:
    """Vale's switch state, turned into suppressions as comments arrive in document order."""

    def __init__(self) -> None:
        self._off_since: int | None = None
        self._rules_off: dict[str, int] = {}  # name -> line it was switched off on
        self._done: list[Suppression] = []

    def comment(self, body: str, line: int) -> bool:
        """Read one comment's text; True when it is a Vale switch."""
        text = body.strip()
        found = _OFF_ON.fullmatch(text)
        if found:
            if found.group(1) == "off" and self._off_since is None:
                self._off_since = line
            elif found.group(1) == "on" and self._off_since is not None:
                self._close((), self._off_since, line - 1)
                self._off_since = None
            return True
        found = _RULE.fullmatch(text)
        if not found:
            return False
        name, value = found.groups()
        if value == "NO":
            self._rules_off.setdefault(name, line)
        elif name in self._rules_off:
            self._close(_covering(name), self._rules_off.pop(name), line - 1)
        return True

    def _close(self, rules: tuple[str, ...], start: int, end: int) -> None:
        if end >= start:  # `vale off` and `vale on` on one line cover nothing
            self._done.append(Suppression(rules, start, end, reach="copy"))

    def finish(self) -> list[Suppression]:
        out = list(self._done)
        out += [
            Suppression(_covering(n), s, None, reach="copy") for n, s in self._rules_off.items()
        ]
        if self._off_since is not None:
            out.append(Suppression((), self._off_since, None, reach="copy"))
            out.append(Suppression((), 1, None, reach="source"))
        return out


def _covering(name: str) -> tuple[str, ...]:
    """Globs for a switch's name: the rule itself and every rule under it."""
    literal = _GLOB_SPECIAL.sub(r"[\1]", name)
    return (literal, literal + ".*")
