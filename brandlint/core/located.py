"""Where every value of a YAML file came from: what `brandlint.core.located_yaml` reads,
kept apart from PyYAML. A compiled guide's rules hold their `LocatedYaml` (the cache
pickles it), and reading them back must not import the YAML parser: 10 ms of a one-line
check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from brandlint.core.errors import Problem

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class LocatedYaml:
    """A parsed YAML file plus the 1-based (line, column) of each value and mapping key."""

    path: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # warnings about YAML read leniently (what Go's parser accepts for Vale's styles)
    notes: tuple[Problem, ...] = ()

    def where(self, at: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of the value (or key) at `at`, falling back to the nearest ancestor."""
        table = self.key_positions if key else self.positions
        probe = tuple(at)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(
        self, at: Path, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        line, column = self.where(at, key=key)
        return Problem(self.path, line, column, message, severity)


class YamlSyntaxError(Exception):
    """A YAML file that cannot be read: `problem` says where and why, `offset` is the
    character offset of that place in the text (for callers that place notices)."""

    def __init__(self, problem: Problem, offset: int = 0) -> None:
        self.problem = problem
        self.offset = offset
        super().__init__(str(problem))
