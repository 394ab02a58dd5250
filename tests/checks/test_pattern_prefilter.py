"""The joined-text prefilter of pattern rules: it may skip a document's units only when they
hold no match. Each pattern is searched loosened (what a match begins with before its last
repeat left out) and confined to one unit (nothing in it reads across the NUL joining them)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.patterns import (
    Needs,
    _confined,
    _confined_pattern,
    _loosened,
    _Prefilter,
    _prefilters,
    _Units,
    word_pattern,
)
from brandlint.core.patterns import IGNORECASE, UserPattern, any_found, compile_exceptions
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
        (r"(?:^|\s)I\b", r"I\b"),  # a leading group that may match nothing goes
        (r"a+|b", r"a|b"),  # alternatives are loosened each on its own
        (r"(?m:(?:^|\s)I(?=\s)|\bme\b)", r"(?m:I(?=\s)|\bme\b)"),  # a boundary stays
        (r"(?m:\b(?:foo|b?)\b)", r"(?m:(?:foo|b?)\b)"),  # nothing would follow it
        (r"a|b?", r"a|b?"),  # an alternative that may be empty matches anywhere
        (r"\b\d+s|\bx+y", r"\b\d+s|\bx+y"),  # a boundary keeps the repeat after it
        (r"(x)?(b)(c)\2", r"(x)?(b)(c)\2"),  # dropping (x) would make \2 name (c)
        (r"(?:(x)|y)?(b)\1", r"(?:(x)|y)?(b)\1"),
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
        (r"(?:^|\s)A(?=\s)|(?:^|\s)b(?=,\s)|\bab\b", 0),
        (r"(?:(a)|b)?(b)\1", 0),
        (r"(?m:\b(?:\bab|b?a)\b)", IGNORECASE),
        (r"(?m:\b5+(?:a|ab)|\b\d+ ?%)", 0),
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


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(UNIT, min_size=1, max_size=5),
    chosen=st.lists(st.sampled_from(PATTERNS), min_size=2, max_size=4, unique_by=id),
)
def test_every_unit_holding_a_match_of_any_pattern_is_a_candidate(texts, chosen):
    units = [(index * 100, text) for index, text in enumerate(texts)]
    prefilters = _prefilters(chosen)
    found = {
        unit for prefilter in prefilters for unit in _Units(units).candidates(prefilter.confined)
    }
    matched = {
        unit
        for unit in units
        for pattern in chosen
        if any(m.end() > m.start() for m in pattern.finditer(unit[1]))
    }
    assert matched <= found
    if matched:  # and the copy holds what one of the patterns needs
        copy = "\n".join(texts)
        assert any(
            prefilter.needs is None
            or any(need.held_in(copy.lower() if need.folded else copy) for need in prefilter.needs)
            for prefilter in prefilters
        )


def test_patterns_with_the_same_flags_are_searched_as_one():
    words = UserPattern(r"\bmore\b")
    digits = UserPattern(r"\d+ percent")
    [joined] = _prefilters([words, digits])
    assert joined.confined is not None
    assert joined.confined.source == r"(?:more\b)|(?:\d percent)"
    assert joined.needs == (Needs((("more",),), folded=False), Needs(((" percent",),), False))
    assert len(_prefilters([words, UserPattern("more", IGNORECASE)])) == 2
    # every unit of every document: nothing known about the second pattern
    assert _prefilters([words, UserPattern(r"(?x) a  b")]) == [_Prefilter(None, None)]


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


EXCEPTIONS = [
    "API",
    "APIs",
    "(?i)url",
    r"e\.g\.",
    "a(b",
    "(a)b\\1",
    "Free Trial",
    "[A-Z]{2}s",
    "b|ab",
]


@settings(max_examples=300, deadline=None)
@given(
    chosen=st.lists(st.sampled_from(EXCEPTIONS), min_size=1, max_size=5, unique=True),
    text=st.text(alphabet="aAbBeEgIlLPrRsTuU. (", max_size=16)
    | st.sampled_from(["Free Trials", "the APIs", "e.g. this", "URL", "a(b", "abab", "BBs"]),
)
def test_one_search_of_the_exceptions_finds_what_a_search_of_each_finds(chosen, text):
    exceptions = compile_exceptions(chosen)
    assert any_found(exceptions, text) == any(p.search(text) for p in exceptions)


def test_exceptions_with_flags_or_references_are_searched_one_by_one():
    assert compile_exceptions(["API", "CLI"]).either is not None
    assert compile_exceptions(["API", "(?i)url"]).either is None  # (?i) would cover API
    assert compile_exceptions([r"(a)b\1", "CLI"]).either is None  # \1 would name another


def test_a_conditional_rule_skips_units_but_keeps_definitions_in_order(lint_rule):
    lint = lint_rule("""
        extends: conditional
        message: "'%s' has no definition."
        level: error
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [SMS, API]
    """)
    alerts = lint(
        "Our CRM syncs nightly.\n\n"
        "Plain words in between.\n\n"
        "The Customer Relationship Manager (CRM) holds contacts.\n\n"
        "More plain words, and an API.\n\n"
        "The CRM and the ERP, with SMS.\n"
    )
    assert [row(a) for a in alerts] == [
        ("Test.Rule", 1, 5, 1, 8, "CRM", ()),
        ("Test.Rule", 9, 17, 9, 20, "ERP", ()),
    ]
    assert [a.message for a in alerts] == ["'CRM' has no definition.", "'ERP' has no definition."]
