"""The joined-text prefilter of pattern rules: it may skip a document's units only when they
hold no match, and patterns that look outside their unit are never prefiltered."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.patterns import _context_free, _Units, word_pattern
from brandlint.core.patterns import IGNORECASE, UserPattern
from tests.conftest import row


@pytest.mark.parametrize(
    ("source", "free"),
    [
        (word_pattern(["obviously", "simpl(y|e)"], nonword=False), True),
        (r"(?i)\b(?:e\.g\.|i\.e\.)", True),
        (r"[^a-z]\d+ ?%", True),  # `^` negating a class is no anchor
        (r"[]^]x", True),  # a class opening with `]` still closes
        (r"(?<=\s)foo(?=\.)", True),  # positive lookarounds
        (word_pattern(["^Note"], nonword=False), False),
        (r"\w+$", False),
        (r"\Aintro", False),
        (r"end\z", False),
        (r"(?<!\S)foo", False),
        (r"foo(?!bar)", False),
        (r"(?>a+)b", False),
        (r"a++b", False),
        (r"x{2}+", False),
        (r"(?x) a b # ^ in a comment", False),
        (r"(?#^)a", False),
    ],
)
def test_context_free_patterns_are_told_apart(source, free):
    assert _context_free(source) is free


PATTERNS = [
    UserPattern(source, flags)
    for source, flags in [
        (word_pattern(["obviously", "simpl(y|e)", r"\d+ percent"], nonword=False), IGNORECASE),
        (word_pattern([r"e\.g\.", "etc"], nonword=True), 0),
        (r"(?<=\s)ab(?=[ .])", 0),
        (r"\b[A-Z]{2,}s\b", 0),
        (r"a b|b\s+a", 0),
        (r"\w+$", 0),  # not context free: never skipped
        (r"(?<!\S)ba", 0),
    ]
]
UNIT = st.text(alphabet="ab ABS.\n5%", max_size=12) | st.sampled_from(
    ["Obviously.", "50 percent", "e.g. this", "APIs", "a b", "b\n a", "simple"]
)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(UNIT, min_size=1, max_size=5), pattern=st.sampled_from(PATTERNS))
def test_every_unit_holding_a_match_is_a_candidate(texts, pattern):
    units = [(index * 100, text) for index, text in enumerate(texts)]
    free = _context_free(pattern.source)
    candidates = list(_Units(units).candidates(pattern, free))
    matched = [
        unit for unit in units if any(m.end() > m.start() for m in pattern.finditer(unit[1]))
    ]
    assert [unit for unit in candidates if unit in matched] == matched
    assert candidates == sorted(candidates)
    if not free:
        assert candidates == units


def test_only_the_units_a_joined_search_reaches_are_candidates():
    units = _Units([(0, "Plain words here."), (20, "And more of them."), (40, "No more.")])
    assert list(units.candidates(PATTERNS[0], context_free=True)) == []
    assert list(units.candidates(UserPattern(r"\bmore\b"), context_free=True)) == [
        (20, "And more of them."),
        (40, "No more."),
    ]
    assert list(units.candidates(UserPattern(r"\bwords\b"), context_free=False)) == units.units


def test_an_anchored_token_still_matches_at_each_paragraph_start(lint_rule):
    lint = lint_rule("""
        extends: existence
        message: "Start with the point, not '%s'."
        level: suggestion
        tokens: ['^Note']
    """)
    alerts = lint("A Note in the middle.\n\nNote that this one starts a paragraph.\n")
    assert [row(a) for a in alerts] == [("Test.Rule", 3, 1, 3, 5, "Note", ())]
    assert [a.message for a in alerts] == ["Start with the point, not 'Note'."]
