"""What a pattern rule searches the units with, its exceptions and its swap values are
compiled with the rule, so the compiled-guide cache keeps them and no document pays for
them: the first pages of a run are linted while the other cores wait for the workers to
fork."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest

import brandlint.checks.patterns as patterns
import brandlint.checks.substitution as substitution
import brandlint.core.rule as core_rule
from brandlint.workspace import Settings, Workspace
from tests.conftest import row

RULES = {
    "Spacing.yml": """
        extends: existence
        message: "'%s' should have one space."
        level: error
        nonword: true
        tokens: ['[a-z][.?!] {2,}[A-Z]', '[a-z][.?!][A-Z]']
    """,
    "Foreign.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: error
        ignorecase: true
        nonword: true
        swap:
          '\\b(?:eg|e\\.g\\.)[\\s,]': for example
          '\\b(?:ie|i\\.e\\.)[\\s,]': that is
          '\\bviz\\.[\\s,]': namely|that is,
    """,
    "Acronyms.yml": """
        extends: conditional
        message: "'%s' has no definition."
        level: suggestion
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [API, SDK]
    """,
}
COPY = (
    "Our CRM syncs nightly.  Then it rests.\n\n"
    "Pick a plan, e.g. the yearly one.\n\n"
    "Our API has three tiers, viz. free, team and enterprise.\n\n"
    "The Customer Relationship Manager (CRM) holds contacts.\n"
)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True)
    for name, rule in RULES.items():
        (style / name).write_text(textwrap.dedent(rule), encoding="utf-8")
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    return Workspace(Settings(guide=str(guide)))


def test_rules_hold_their_prefilters_before_any_document(workspace, tmp_path):
    rules = workspace.linter_for(tmp_path / "post.md").rules
    prepared = {rule.id: [len(key) for key in rule._prefilters] for rule in rules}
    assert prepared == {"Test.Acronyms": [2], "Test.Foreign": [3], "Test.Spacing": [1]}


def test_rules_hold_their_exceptions_and_swap_values_before_any_document(workspace, tmp_path):
    rules = {rule.id: rule for rule in workspace.linter_for(tmp_path / "post.md").rules}
    assert [p.source for p in rules["Test.Acronyms"]._exceptions] == [
        r"\b(?:API)\b",
        r"\b(?:SDK)\b",
    ]
    # plain values are compared as they are: only the one with a comma is a pattern
    assert {k: v.source for k, v in rules["Test.Foreign"]._whole.items()} == {
        "namely|that is,": "^(?:namely|that is,)$"
    }


def test_pickled_rules_lint_without_compiling_patterns(workspace, tmp_path, monkeypatch):
    guide = workspace.linter_for(tmp_path / "post.md").guide
    # as the compiled-guide cache reads a guide back: a copy, its patterns new objects
    workspace.adopt_guide(Path(guide.path), pickle.loads(pickle.dumps(guide)))

    def made(found):
        raise AssertionError(f"compiled while linting: {found}")

    monkeypatch.setattr(patterns, "_prefilters", made)
    monkeypatch.setattr(substitution, "_whole_pattern", made)
    monkeypatch.setattr(core_rule, "compile_exceptions", made)
    alerts = workspace.lint_text(COPY, str(tmp_path / "post.md"))
    assert [row(a) for a in alerts] == [
        ("Test.Acronyms", 1, 5, 1, 8, "CRM", ()),
        ("Test.Spacing", 1, 21, 1, 26, "y.  T", ()),
        ("Test.Foreign", 3, 14, 3, 19, "e.g. ", ("for example",)),
        ("Test.Foreign", 5, 26, 5, 31, "viz. ", ("namely", "that is,")),
    ]
