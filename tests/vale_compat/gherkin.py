"""A small reader for the Gherkin that Vale's acceptance tests use.

It reads `Feature:`, `Background:`, `Scenario:`, the steps (`Given`/`When`/`Then`/`And`/
`But`/`*`) and a step's doc string (`\"\"\"` … `\"\"\"`, dedented by the opening quotes'
indent, as Cucumber does) or data table (`| a | b |`). `#` comment lines, tags and blank
lines are skipped. Scenario outlines and `Rule:` are not used by Vale's features, so they are
an error here rather than being half read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

STEP_KEYWORDS = ("Given", "When", "Then", "And", "But", "*")


class GherkinError(ValueError):
    pass


@dataclass
class Step:
    keyword: str  # Given, When or Then: And/But/* take the keyword of the step before
    text: str
    line: int
    doc_string: str | None = None
    table: list[list[str]] | None = None


@dataclass
class Scenario:
    name: str
    line: int
    steps: list[Step] = field(default_factory=list)
    tags: tuple[str, ...] = ()


@dataclass
class Feature:
    name: str
    path: Path
    background: list[Step] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)


_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _table_row(line: str) -> list[str]:
    inner = line.strip()[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(inner)]


def parse_feature(path: Path) -> Feature:
    lines = path.read_text(encoding="utf-8").splitlines()
    feature: Feature | None = None
    steps: list[Step] | None = None  # the step list being filled (background or scenario)
    tags: list[str] = []
    last_keyword = ""
    index = 0
    while index < len(lines):
        raw = lines[index]
        number = index + 1
        stripped = raw.strip()
        index += 1
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("@"):
            tags.extend(stripped.split())
            continue
        head, _, rest = stripped.partition(":")
        if stripped.startswith("Feature:"):
            if feature is not None:
                raise GherkinError(f"{path}:{number}: a second Feature")
            feature = Feature(rest.strip(), path)
            tags = []
            continue
        if feature is None:
            raise GherkinError(f"{path}:{number}: text before 'Feature:'")
        if stripped.startswith("Background:"):
            steps = feature.background
            last_keyword = ""
            continue
        if stripped.startswith("Scenario:") or stripped.startswith("Example:"):
            scenario = Scenario(rest.strip(), number, tags=tuple(tags))
            tags = []
            feature.scenarios.append(scenario)
            steps = scenario.steps
            last_keyword = ""
            continue
        if stripped.startswith(("Scenario Outline:", "Scenario Template:", "Rule:", "Examples:")):
            raise GherkinError(f"{path}:{number}: '{head}' is not supported by this reader")
        word = stripped.split(" ", 1)[0]
        if word in STEP_KEYWORDS:
            if steps is None:
                raise GherkinError(f"{path}:{number}: a step outside a scenario")
            keyword = word
            if word in ("And", "But", "*"):
                if not last_keyword:
                    raise GherkinError(f"{path}:{number}: '{word}' with no step before it")
                keyword = last_keyword
            last_keyword = keyword
            steps.append(Step(keyword, stripped[len(word) :].strip(), number))
            continue
        if stripped.startswith(('"""', "```")):
            if not steps:
                raise GherkinError(f"{path}:{number}: a doc string with no step")
            fence = stripped[:3]
            indent = len(raw) - len(raw.lstrip())
            body: list[str] = []
            while index < len(lines) and lines[index].strip() != fence:
                text = lines[index]
                # Cucumber removes the opening fence's indent from each line (no more)
                cut = min(indent, len(text) - len(text.lstrip()))
                body.append(text[cut:])
                index += 1
            if index == len(lines):
                raise GherkinError(f"{path}:{number}: doc string never closed")
            index += 1  # the closing fence
            steps[-1].doc_string = "\n".join(body)
            continue
        if stripped.startswith("|"):
            if not steps:
                raise GherkinError(f"{path}:{number}: a table with no step")
            step = steps[-1]
            step.table = [*(step.table or []), _table_row(stripped)]
            continue
        # free text right after Feature:/Scenario: is its description
        if steps is None or not steps:
            continue
        raise GherkinError(f"{path}:{number}: cannot read {stripped!r}")
    if feature is None:
        raise GherkinError(f"{path}: no Feature")
    return feature
