"""The joined-text prefilter of pattern rules: it may skip a document's units only when they
hold no match. Each pattern is searched loosened (what a match begins with before its last
repeat left out) and confined to one unit (nothing in it reads across the NUL joining them)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.patterns import _confined, _confined_pattern, _loosened, _Units, word_pattern
from brandlint.core.patterns import IGNORECASE, UserPattern
from tests.conftest import row


@pytest.mark.parametrize(
    ("source", "confined"),
    [
        (word_pattern(["obviously"], nonword=False), r"(?m:\b(?:obviously)\b)"),
        (r"(?:[^,]+,){1,}\s\w+", r"(?:[^\x00,]+,){1,}\s\w+"),
        (r"[^-a]x", r"(?:(?!\x00)[^-a])x"),  # a NUL first would make a range
        (r"[^]a]", r"[^]\x00a]"),  # a class opening with `]` still closes
        (r"[\W_]+", r"(?:(?!\x00)[\W_])+"),
        (r"\W\D\S\P{L}\p{Lu}", r"[^\w\x00][^\d\x00][^\s\x00][^\p{L}\x00][^\P{Lu}\x00]"),
        (r"a.b", r"a[^\n\x00]b"),
        (r"(?s:a.b)", r"(?s:a[^\x00]b)"),
        (word_pattern(["^Note"], nonword=False), r"(?m:\b(?:(?:^|(?<=\x00))Note)\b)"),
        (r"\w+$", r"\w+(?:$|(?=\n?\x00))"),
        (r"\Aintro|end\z", r"(?:\A|(?<=\x00))intro|end(?:\Z|(?=\x00))"),
        (r"(?<!:[^ ]+?):\s[A-Z]", r"(?<!:[^\x00 ]+?):\s[A-Z]"),
        (r"(?P<word>a)(?P=word){2}", r"(?P<word>a)(?P=word){2}"),
        (r"(?x) a b # ^", None),
        (r"(?#^)a", None),
        (r"\Ga", None),
        (r"a\x00b", None),
        (r"(?:color){e<=1}", None),
        (r"(?(1)a|b)", None),
    ],
)
def test_patterns_are_confined_to_one_unit(source, confined):
    assert _confined(source) == confined


@pytest.mark.parametrize(
    ("source", "loosened"),
    [
        (r"[a-zA-Z]+\s(?:cm|inches)\b", r"[a-zA-Z]\s(?:cm|inches)\b"),
        (r"(?m:\b(?:(?:[^,]+,){1,}\s\w+\s(?:and|or))\b)", r"(?m:(?:(?:[^,],)\s\w+\s(?:and|or))\b)"),
        (r"(?<=\s)-\d+\b", r"-\d+\b"),
        (r"\s*(?:ab)*x{2,}y", "xy"),
        (r"(\w)+x\1", r"(\w)x\1"),  # a group kept once holds its last repeat
        (r"(?:^|\s)I\b", r"(?:^|\s)I\b"),
        (r"a+|b", r"a+|b"),
    ],
)
def test_patterns_are_loosened_to_their_last_leading_repeat(source, loosened):
    assert _loosened(source) == loosened


PATTERNS = [
    UserPattern(source, flags)
    for source, flags in [
        (word_pattern(["obviously", "simpl(y|e)", r"\d+ percent"], nonword=False), IGNORECASE),
        (word_pattern([r"e\.g\.", "etc"], nonword=True), 0),
        (r"(?<=\s)ab(?=[ .])", 0),
        (r"\b[A-Z]{2,}s\b", 0),
        (r"a b|b\s+a", 0),
        (r"\w+$", 0),
        (r"(?<!\S)ba", 0),
        (r"^a|b\Z", 0),
        (r"(?:[^,]+,){1,}\s\w+\s(?:and|or)", 0),
        (r"[a-zA-Z]+\s(?:AB|b)\b", 0),
        (r"(?<!:[^ ]+?):\s[A-Z]", 0),
        (r"a.b|\W+S|b(?!\s)", 0),
        (r"(?x) a  b", 0),  # not confined: every unit is searched
    ]
]
UNIT = st.text(alphabet="ab ABS.,:\n5%", max_size=14) | st.sampled_from(
    ["Obviously.", "50 percent", "e.g. this", "APIs", "a b", "b\n a", "simple", "x, y and z"]
)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(UNIT, min_size=1, max_size=5), pattern=st.sampled_from(PATTERNS))
def test_every_unit_holding_a_match_is_a_candidate(texts, pattern):
    units = [(index * 100, text) for index, text in enumerate(texts)]
    confined = _confined_pattern(pattern)
    candidates = list(_Units(units).candidates(confined))
    matched = [
        unit for unit in units if any(m.end() > m.start() for m in pattern.finditer(unit[1]))
    ]
    assert [unit for unit in candidates if unit in matched] == matched
    assert candidates == sorted(candidates)
    if confined is None:
        assert candidates == units


def test_only_the_units_a_joined_search_reaches_are_candidates():
    units = _Units([(0, "Plain words here."), (20, "And more of them."), (40, "No more.")])
    assert list(units.candidates(_confined_pattern(PATTERNS[0]))) == []
    assert list(units.candidates(_confined_pattern(UserPattern(r"\bmore\b")))) == [
        (20, "And more of them."),
        (40, "No more."),
    ]
    assert list(units.candidates(None)) == units.units


def test_copy_holding_a_nul_is_searched_unit_by_unit():
    units = _Units([(0, "one\x00two"), (10, "three")])
    assert list(units.candidates(_confined_pattern(UserPattern("nothing")))) == units.units


def test_a_long_list_in_one_sentence_does_not_hide_the_next_sentence(lint_rule):
    lint = lint_rule("""
        extends: existence
        message: "Use the Oxford comma in '%s'."
        level: suggestion
        scope: sentence
        tokens: ['(?:[^,]+,){1,}\\s\\w+\\s(?:and|or)']
    """)
    alerts = lint("Bring tents, stoves, food and maps. Then rest, eat or sleep.\n")
    assert [row(a) for a in alerts] == [
        ("Test.Rule", 1, 1, 1, 30, "Bring tents, stoves, food and", ()),
        ("Test.Rule", 1, 37, 1, 54, "Then rest, eat or", ()),
    ]


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
