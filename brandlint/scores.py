"""Brand scores: how well a piece of copy keeps to the guide, per category and overall.

The formula is Acrolinx's, so scores read the same to teams that know it (docs/scores.md
has it with a worked example):

    issues(category) = alerts of level warning or error in that category
    score(category)  = 100 × (words / 75) / ((words / 75) + issues)

A file's score is the mean over the categories that have at least one rule applying to
that file (its language, channel, path and format); a category no rule guards there is
not scored, rather than counted as a free 100. A file with no words (a stylesheet, an
image) has no score. The total applies the formula to the corpus: per category, the words
of the files it applies to and all their issues, then the mean over those categories.

Scores are kept unrounded until they are shown (one decimal), so a mean of rounded parts
never drifts from the mean of the real ones; the traffic light reads the shown score.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from brandlint.core.alerts import Alert, Level
from brandlint.core.categories import CATEGORIES
from brandlint.core.document import Document
from brandlint.document.reader import UnreadableFile
from brandlint.parallel import map_files
from brandlint.workspace import Workspace, unreadable_alert

WORDS_PER_UNIT = 75  # Acrolinx's unit of copy: one issue in 75 words scores 50
GREEN = 80.0
YELLOW = 60.0


def category_score(words: int, issues: int) -> float:
    """The formula for one category of `words` words with `issues` issues (unrounded)."""
    units = words / WORDS_PER_UNIT
    return 100 * units / (units + issues)


def light(score: float) -> str:
    """The traffic light of a shown (rounded) score: green ≥ 80, yellow ≥ 60, else red."""
    return "green" if score >= GREEN else "yellow" if score >= YELLOW else "red"


def _ordered(names: Iterable[str]) -> list[str]:
    """Categories in the documented order, any a future kind adds after them."""
    known: dict[str, int] = {name: n for n, name in enumerate(CATEGORIES)}
    return sorted(set(names), key=lambda name: (known.get(name, len(known)), name))


@dataclass(frozen=True)
class CategoryScore:
    words: int
    issues: int

    @property
    def score(self) -> float:
        return category_score(self.words, self.issues)

    def record(self) -> dict[str, Any]:
        return {"issues": self.issues, "score": round(self.score, 1)}


@dataclass(frozen=True)
class Scored:
    """The scores of one file, or of a whole run (`path` empty), for the categories that
    apply to it."""

    path: str
    words: int
    categories: Mapping[str, CategoryScore]

    @property
    def score(self) -> float:
        """The shown score: the mean of the categories' scores, to one decimal."""
        parts = [c.score for c in self.categories.values()]
        return round(sum(parts) / len(parts), 1) if parts else 100.0

    @property
    def light(self) -> str:
        return light(self.score)

    def record(self) -> dict[str, Any]:
        return {
            **({"path": self.path} if self.path else {}),
            "words": self.words,
            "categories": {name: c.record() for name, c in self.categories.items()},
            "score": self.score,
            "light": self.light,
        }


def issues(alerts: Iterable[Alert]) -> dict[str, int]:
    """Warnings and errors per category (suggestions are advice, and count nowhere)."""
    return counted_issues((alert.level, alert.category, 1) for alert in alerts)


def counted_issues(counts: Iterable[tuple[Level, str, int]]) -> dict[str, int]:
    """`issues` from alerts counted already: (level, category, how many)."""
    found: dict[str, int] = {}
    for level, category, count in counts:
        if level >= Level.WARNING and category:
            found[category] = found.get(category, 0) + count
    return found


def file_score(
    path: str, words: int, categories: Iterable[str], alerts: Iterable[Alert]
) -> Scored | None:
    """The scores of one file with `words` words whose applying rules guard `categories`;
    None for a file with no words or no category to score."""
    return counted_score(path, words, categories, issues(alerts))


def counted_score(
    path: str, words: int, categories: Iterable[str], found: Mapping[str, int]
) -> Scored | None:
    """`file_score` from the issues per category, counted already (an audit's records)."""
    names = _ordered(categories)
    if words <= 0 or not names:
        return None
    return Scored(path, words, {name: CategoryScore(words, found.get(name, 0)) for name in names})


def total_score(files: Iterable[Scored]) -> Scored | None:
    """The formula over a corpus: per category, the words of the files it applies to and
    their issues together (a long page weighs more than a push title)."""
    words = 0
    per: dict[str, tuple[int, int]] = {}
    for scored in files:
        words += scored.words
        for name, part in scored.categories.items():
            had_words, had_issues = per.get(name, (0, 0))
            per[name] = (had_words + part.words, had_issues + part.issues)
    if not per:
        return None
    return Scored("", words, {n: CategoryScore(*per[n]) for n in _ordered(per)})


def score_document(workspace: Workspace, document: Document) -> tuple[list[Alert], Scored | None]:
    """Lint a prepared document and score it: words as `brandlint stats` counts them,
    categories from the rules that apply to it."""
    linter = workspace.linter_for(document.path)
    alerts = linter.lint(document)
    words = linter.measure(document).words if document.blocks else 0
    categories = {rule.category for rule in linter.rules_for(document)}
    return alerts, file_score(document.path, words, categories, alerts)


def score_file(workspace: Workspace, path: str) -> tuple[list[Alert], Scored | None]:
    """`score_document` for a file; one that cannot be read has its alert and no score."""
    try:
        document = workspace.document(path)
    except UnreadableFile as exc:
        return [unreadable_alert(path, str(exc))], None
    return score_document(workspace, document)


def score_files(
    workspace: Workspace, paths: Sequence[str], jobs: int
) -> Iterator[tuple[str, list[Alert], Scored | None]]:
    """(path, alerts, scores) in the order given, on `jobs` processes as `lint_files` runs
    them (warmed before the workers fork, in runs of about equal size)."""
    for path, (alerts, scored) in map_files(workspace, paths, jobs, score_file):
        yield path, alerts, scored
