"""A rule as written in a guide or a rule file, before it is compiled, and the filters
(language, channel, path, content type) that decide where it runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.located_yaml import LocatedYaml, Path


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written in a guide or rule file, before it is compiled.

    `options` holds the kind's own keys (tokens, swap, max, …). `located` and `at` point at
    the rule's mapping in its YAML file so compile errors can name a line and column.
    """

    id: str
    kind: str
    level: Level
    message: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    scope: tuple[str, ...] = ()
    link: str = ""
    reason: str = ""
    langs: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    origin: str = ""
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    at: Path = ()

    def problem(self, key: Path, message: str, severity: str = "error") -> Problem:
        """A problem located at one of this rule's keys (or at the rule if unknown)."""
        if self.located is None:
            return Problem(self.origin or self.id, 1, 1, message, severity)
        return self.located.problem((*self.at, *key), message, severity=severity)

    def applies_to(
        self, lang: str | None, channel: str | None, path: str = "", kind: str = ""
    ) -> bool:
        """Whether the rule runs on a document of this language, channel, guide-relative
        path and content type (front matter `type:`). Filter entries starting with `~`
        exclude: `types: [~legal]` is every document except legal pages."""
        return (
            passes(self.langs, lang or "")
            and passes(self.channels, channel or "")
            and passes(self.types, kind)
            and passes(self.paths, path, globs=True)
        )


def passes(allowed: tuple[str, ...], value: str, *, globs: bool = False) -> bool:
    """An empty filter lets everything through; `~x` entries exclude, others include."""
    if not allowed:
        return True

    def hit(pattern: str) -> bool:
        if not globs:
            return pattern == value
        from brandlint.core.globs import glob_match

        return glob_match(pattern, value)

    include = [a for a in allowed if not a.startswith("~")]
    exclude = [a[1:] for a in allowed if a.startswith("~")]
    if any(hit(pattern) for pattern in exclude):
        return False
    return not include or any(hit(pattern) for pattern in include)
