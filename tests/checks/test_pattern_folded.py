"""Prefilters of patterns that ignore case are searched case as written in the lower case
of the joined units (`_folded`): the same units must come out as from the search that
ignores case, for all copy without a character whose lower case is odd."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.patterns import (
    _UNFOLDED,
    _confined_pattern,
    _folded,
    _folded_pattern,
    _Units,
    word_pattern,
)
from brandlint.core.patterns import IGNORECASE, PatternError, UserPattern


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        (
            r"(am|are|WERE)\b\s*(?m:\b(?:[\w]+ed|Awoken)\b)",
            r"(am|are|were)\b\s*(?m:\b(?:[\w]+ed|awoken)\b)",
        ),
        (r"(?:^|(?<=\x00))Note", r"(?:^|(?<=\x00))note"),
        (r"[^\x00A-Z,]+x", r"[^\x00a-z,]+x"),
        (r"(?mi:A)(?i)b", r"(?m:a)b"),
        (r"\s[—–]\s", r"\s[—–]\s"),
        (r"(?i)Ab(?-i:c)", None),  # a part that keeps case
        (r"[0-z]", None),  # capitals and small letters in one range
        (r"[\x41-\x5a]", None),  # capitals, written as codes
        (r"É", None),  # a letter beyond A-Z
        (r"\p{Lu}", None),
        (r"(a)\1", None),  # a reference compares case
    ],
)
def test_letters_go_to_lower_case_and_what_tells_cases_apart_is_refused(source, folded):
    assert _folded(source) == folded


EVERY_CHARACTER = "".join(
    chr(code)
    for code in range(sys.maxunicode + 1)
    if not 0xD800 <= code <= 0xDFFF and chr(code) not in _UNFOLDED
)


@pytest.mark.parametrize("escape", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", "."])
def test_lower_case_keeps_what_each_escape_matches(escape):
    lowered = "".join(char.lower() for char in EVERY_CHARACTER)
    assert len(lowered) == len(EVERY_CHARACTER)
    pattern = regex.compile(escape, regex.V0 | regex.DOTALL)
    assert [m.start() for m in pattern.finditer(lowered)] == [
        m.start() for m in pattern.finditer(EVERY_CHARACTER)
    ]


PATTERNS = [
    word_pattern(["obviously", "simpl(y|e)", r"\d+ percent"], nonword=False),
    word_pattern(["that is(?![.,])", "they're(?=\\.)", "e\\.g\\."], nonword=False),
    r"\b(am|are|is|be)\b\s*(?m:\b(?:[\w]+ed|born|Bought)\b)",
    r"(?m:(?:^|\s)I(?=\s)|(?:^|\s)I(?=,\s)|\bI'd\b|\bme\b|\bmy\b)",
    r"(?m:\s[—–]\s|\s[—–]|[—–]\s)",
    r"[A-Z][a-z]+\s(?:Cm|inches)\b",
    r"(?:[^,]+,){1,}\s\w+\s(?:and|or)",
    r"^Note|end$",
    r"(?i)Ki(?:ss)?ng|[^a-k\s]{2}",
]
# with the Kelvin sign, the dotless i and the Greek sigmas, whose lower case is odd too
UNIT = st.text(
    alphabet="aeIiKkmsSnNoO ,.—\n\u212a\u0131éÉ\u03c3\u03a3\u03c2", max_size=12
) | st.sampled_from(
    ["Obviously.", "50 Percent", "E.G. this", "they're.", "I, me", "KING", "Note", "a b, c and d"]
)


@settings(max_examples=600, deadline=None)
@given(texts=st.lists(UNIT, min_size=2, max_size=5), source=st.sampled_from(PATTERNS))
def test_the_folded_search_finds_the_units_the_search_ignoring_case_finds(texts, source):
    pattern = UserPattern(source, IGNORECASE)
    confined = _confined_pattern(pattern)
    assert confined is not None
    folded = _folded_pattern(confined)
    assert folded is not None
    units = [(index * 100, text) for index, text in enumerate(texts)]
    assert list(_Units(units).candidates(confined, folded)) == list(
        _Units(units).candidates(confined)
    )


ATOMS = st.sampled_from(
    [
        *("a", "B", "é", "K", r"\w", r"\W", r"\b", r"\s", ".", "[a-c]", "[^B-D]", "[A-Za-z]"),
        *("(?=A)", "(?<!b)", "^", "$", "(?i:Ab)", "—", r"[\x41-\x4b]", r"\x4b", r"[^\W\d]"),
    ]
)


@settings(max_examples=600, deadline=None)
@given(
    parts=st.lists(st.tuples(ATOMS, st.sampled_from(["", "?", "+", "{2}"])), min_size=1),
    texts=st.lists(UNIT, min_size=2, max_size=4),
)
def test_generated_folded_prefilters_find_the_same_units(parts, texts):
    try:
        pattern = UserPattern("".join(a + q for a, q in parts), IGNORECASE)
    except PatternError:
        return
    confined = _confined_pattern(pattern)
    folded = None if confined is None else _folded_pattern(confined)
    if folded is None:
        return
    units = [(index * 100, text) for index, text in enumerate(texts)]
    assert list(_Units(units).candidates(confined, folded)) == list(
        _Units(units).candidates(confined)
    )


def test_copy_holding_a_capital_i_with_a_dot_is_searched_ignoring_case():
    confined = _confined_pattern(UserPattern(r"\bistanbul\b", IGNORECASE))
    units = _Units([(0, "Plain words."), (20, "The İSTANBUL office.")])
    assert list(units.candidates(confined, _folded_pattern(confined))) == [
        (20, "The İSTANBUL office.")
    ]
