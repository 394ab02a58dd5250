"""Which guide and rule-file problems the editor shows, file by file.

Three sources feed them: the guide in force for each open document (its warnings, such as
a Vale rule file's unsupported key, or its errors when it never loaded), the guide files
open in the editor (what their unsaved text says), and the last reload (errors of guides
that broke and keep their last good version). A problem located in a guide file that is
open in the editor comes from that buffer only: it is what the user is looking at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brandlint.core.errors import Problem

from .session import GuideState


def resolved(path: str) -> str:
    return str(Path(path).resolve())


@dataclass
class GuideProblems:
    in_force: dict[str, GuideState] = field(default_factory=dict)  # by document URI
    edited: dict[str, tuple[Problem, ...]] = field(default_factory=dict)  # by guide path
    reload_errors: tuple[Problem, ...] = ()

    def use(self, uri: str, state: GuideState) -> bool:
        """Record the guide a document was linted with; True when it is a failure not
        seen before (worth telling the user about once, not on every keystroke)."""
        new_failure = state.failed and state not in self.in_force.values()
        self.in_force[uri] = state
        return new_failure

    def edit(self, guide_path: str, problems: tuple[Problem, ...]) -> None:
        self.edited[resolved(guide_path)] = problems

    def forget(self, uri: str, path: str | None) -> None:
        """A document was closed."""
        self.in_force.pop(uri, None)
        if path:
            self.edited.pop(resolved(path), None)

    def by_file(self) -> dict[str, list[Problem]]:
        """Problems by resolved file path, each once, in source order."""
        on_disk = [p for state in self.in_force.values() for p in state.problems]
        on_disk += self.reload_errors
        found = [p for p in on_disk if resolved(p.path) not in self.edited]
        found += [p for problems in self.edited.values() for p in problems]
        by_file: dict[str, dict[tuple[int, int, str, str], Problem]] = {}
        for problem in found:
            key = (problem.line, problem.column, problem.message, problem.severity)
            by_file.setdefault(resolved(problem.path), {}).setdefault(key, problem)
        return {file: [kept[k] for k in sorted(kept)] for file, kept in by_file.items()}
