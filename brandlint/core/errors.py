"""Errors a user can cause, carrying the file position they should look at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a guide or rule file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"  # "error" stops the run; "warning" is shown and the run goes on

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class BrandlintError(Exception):
    """Base class for errors the CLI and the server show to the user instead of a traceback."""


class GuideError(BrandlintError):
    """The guide (or a rule file it loads) cannot be used; every problem found is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UsageError(BrandlintError):
    """The command line asks for something that cannot be done."""
