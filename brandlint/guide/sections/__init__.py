"""One reader per section of a guide (terms, consistency, assets, rules, settings).

Each reader takes the `GuideFile` being read and returns what its section means: rule specs,
or settings. The reader (`brandlint.guide.reading`) reads files, follows `extends` and puts
the sections together in order; it knows nothing of what a section holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from brandlint.core.errors import Problem
from brandlint.core.located import LocatedYaml
from brandlint.core.spec import RuleSpec
from brandlint.guide.rule_files import spec_from_mapping

Where = tuple[str | int, ...]


@dataclass
class GuideFile:
    """One guide file being read, and where its problems go.

    `within` narrows it to one mapping of the file (a locale's entry under `locales:`), so
    the section readers read that mapping's `terms:` or `rules:` as they read the guide's
    own, and their problems point into it."""

    doc: LocatedYaml
    problems: list[Problem]
    within: Where = ()

    @property
    def data(self) -> dict[str, Any]:
        data = self.doc.data
        for key in self.within:
            data = data[key]
        return data  # type: ignore[no-any-return]

    @property
    def name(self) -> str:
        """The namespace of the guide's rule ids."""
        return str(self.doc.data.get("name", "guide"))

    def report(
        self, at: Where, message: str, *, key: bool = False, severity: str = "error"
    ) -> None:
        self.problems.append(
            self.doc.problem((*self.within, *at), message, key=key, severity=severity)
        )

    def rule(self, at: Where, data: dict[str, Any], rule_id: str, kind: str) -> RuleSpec | None:
        """A rule written in this guide, as a spec located at `at`."""
        where = (*self.within, *at)
        return spec_from_mapping(self.doc, where, data, rule_id, kind, self.problems, self.doc.path)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"
