"""The literals a pattern's matches must hold (`needs`): a document whose copy holds none of
them is not searched at all, so they must be found wherever a match is, in the copy as
written or, for patterns that ignore case, in its lower case."""

from __future__ import annotations

import re
import string
import sys
import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.patterns import _UNFOLDED, _literal, needs, word_pattern
from brandlint.core.patterns import IGNORECASE, PatternError, UserPattern
from tests.conftest import row

MONTHS = (
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)|May|Jun(?:e)|Jul(?:y)|Aug(?:ust)"
    r"|Sep(?:tember)?|Oct(?:ober)|Nov(?:ember)?|Dec(?:ember)?)\b\s*(?:first|second|third)"
)


@pytest.mark.parametrize(
    ("source", "flags", "sets", "folded"),
    [
        # Microsoft.DateNumbers: "january" need not be tested where "jan" is
        (
            MONTHS,
            IGNORECASE,
            (
                ("first", "third", "second"),  # the longer literals first
                (
                    "dec",
                    "feb",
                    "jan",
                    "mar",
                    "may",
                    "nov",
                    "sep",
                    "july",
                    "june",
                    "april",
                    "august",
                    "october",
                ),
            ),
            True,
        ),
        (r"(?m:\s[—–]\s|\s[—–]|[—–]\s)", IGNORECASE, (("–", "—"),), True),
        (r"[a-zA-Z]+\s(?:cm|inches)\b", 0, (("cm", "inches"),), False),
        (word_pattern([r"e\.g\.", "etc"], nonword=True), 0, (("etc", "e.g."),), False),
        (r"(?i)Free\s+Trial", 0, (("trial",), ("free",)), True),  # `(?i)` folds it all
        (r"(?m:\d{1,2} ?[ap]\.m\.)", 0, (("a.m.", "p.m."),), False),
        (r"ab+c", 0, (("ab",), ("bc",)), False),  # the last `b` before `c`, the first after `a`
    ],
)
def test_a_pattern_needs_one_literal_of_each_set(source, flags, sets, folded):
    found = needs(UserPattern(source, flags))
    assert found is not None
    assert (found.sets, found.folded) == (sets, folded)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\b([A-Z]{3,5})\b", 0),  # classes too wide to list
        (r"(?m:[a-z][.?!][A-Z])", 0),  # only one-character ASCII literals
        (r"(?x) e\.g\.", 0),  # verbose: spaces are no literal
        (r"(?:color){e<=1}", 0),  # fuzzy: "colour" matches too
        (r"(?f)straße", IGNORECASE),  # full case folding: "STRASSE" matches
        (r"ï|é", IGNORECASE),  # letters with an upper case ("Ï" matches too)
        (r"a|\w+", 0),  # one alternative needs nothing
        (r"(?:x)?yz?", 0),  # all of it may be one `y`
    ],
)
def test_a_pattern_whose_literals_are_unknown_needs_nothing(source, flags):
    assert needs(UserPattern(source, flags)) is None


def test_a_pattern_asking_for_another_regex_version_is_a_pattern_error():
    with pytest.raises(PatternError, match="VERSION0 and VERSION1"):
        UserPattern("(?V1)straße")


def test_literals_are_lower_case_in_a_pattern_that_ignores_case():
    found = needs(UserPattern(word_pattern(["Wi-Fi", "e-mail"], nonword=False), IGNORECASE))
    assert found is not None
    assert found.held_in("set up wi-fi") and not found.held_in("set up Wi-Fi")


# Every character but surrogates: what `_UNFOLDED` and the known characters are checked on.
EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)


def test_only_the_unfolded_characters_match_a_letter_without_lowering_to_its_lower_case():
    odd = {
        char
        for letter in string.ascii_letters  # "I" matches the dotless i, "i" does not
        for char in regex.findall(letter, EVERY_CHARACTER, regex.IGNORECASE | regex.V0)
        if char.lower() != letter.lower()
    }
    assert odd == set(_UNFOLDED)


def test_the_non_ascii_characters_kept_in_literals_match_only_themselves():
    kept = [
        char
        for char in EVERY_CHARACTER
        if not char.isascii() and _literal(char, folded=True) is not None
    ]
    assert "—" in kept and "“" in kept and "é" not in kept
    assert not any(unicodedata.category(char).startswith("L") for char in kept)
    either = regex.compile(
        "[" + "".join(regex.escape(c) for c in kept) + "]", regex.IGNORECASE | regex.V0
    )
    assert either.findall(EVERY_CHARACTER) == kept


# Patterns in the shapes of the official styles' rules.
SHAPES = [
    MONTHS,
    r"(?m:\s[—–]\s|\s[—–]|[—–]\s)",
    r"[a-zA-Z]+\s(?:cm|inches|pounds)\b",
    word_pattern([r"e\.g\.", "etc", r"i\.e\."], nonword=True),
    word_pattern(["that is(?![.,])", r"they're(?=\.)", "all of (?!a sudden)"], nonword=False),
    r"(?m:\d{1,2}[AP]M|\d{1,2} ?[ap]m|\d{1,2} ?[aApP]\.[mM]\.)",
    r"(?m:\b(?:AM|PM)\s?[-–]\s?.+(?:AM|PM)\b)",
    r"\(s\)|\(es\)",
    r"(?m:[\"“][^\"”“]+[\"”][.,])",
    r"(?m:\b[^\s-]+ly-\w+\b)",
    r"(?m:(?:[^\s,]+,){1,} \w+ (?:and|or) \w+[.?!])",
    r"\b(am|are|is|be)\b\s*(?m:\b(?:[\w]+ed|born|bought)\b)",
    r"(?i)ki(?:ss)?ng\b",
    r"(?:Free|free)\s+Tri(?:al|ed)+s?",
    r"st(?:ar)?t(?=\s)|(?<=\s)en+d",
]
# copy around a match: words, and the characters whose lower case is odd (capital I with
# a dot, the long s, the Kelvin sign)
NOISE = st.text(alphabet="ak s\u0131\u0130\u017f\u212aK-.,\n", max_size=6)


def _copy_matching(data: st.DataObject, source: str, ignorecase: bool) -> str:
    """Copy holding text drawn to match `source` (where Python's `re` reads it), in the
    case the pattern allows, between noise."""
    flags = re.IGNORECASE if ignorecase else 0
    try:
        inner = st.from_regex(re.compile(source, flags), fullmatch=True)
    except re.error:  # a construct only the regex module reads
        inner = st.text(alphabet="abcABC—. \né\u0130\u017f\u212a", max_size=8)
    return data.draw(NOISE) + data.draw(inner) + data.draw(NOISE)


def _needs_held(pattern: UserPattern, text: str) -> bool:
    """Whether what `needs` lists is in `text` when it holds a match (True when it
    holds none, or when the pattern needs nothing)."""
    found = needs(pattern)
    if found is None or not any(m.end() > m.start() for m in pattern.finditer(text)):
        return True
    if not found.folded:
        return found.held_in(text)
    # copy holding one of these is not judged by its lower case: searched all the same
    return any(char in text for char in _UNFOLDED) or found.held_in(text.lower())


@settings(max_examples=500, deadline=None)
@given(source=st.sampled_from(SHAPES), ignorecase=st.booleans(), data=st.data())
def test_copy_holding_a_match_holds_what_the_pattern_needs(source, ignorecase, data):
    pattern = UserPattern(source, IGNORECASE if ignorecase else 0)
    assert needs(pattern) is not None
    assert _needs_held(pattern, _copy_matching(data, source, ignorecase))


ASSERTIONS = (r"\b", "(?=a)", "(?!b)", "(?<=a)", "^", "$")
ATOMS = st.sampled_from(
    [
        *("a", "b", "ab", "Ab", "—", r"\.", ".", r"\w", r"\s", r"\d", "[ab]", "[a-c]", "[^a]"),
        *ASSERTIONS,
        *("\u017f", "é", "k", "i", "s"),
    ]
)


def _patterns() -> st.SearchStrategy[str]:
    """Small patterns built from the constructs `needs` follows and some it does not."""
    quantified = st.tuples(ATOMS, st.sampled_from(["", "", "?", "+", "*", "{2}", "{1,2}"]))
    sequence = st.lists(quantified.map("".join), min_size=1, max_size=4).map("".join)
    return st.recursive(
        sequence,
        lambda inner: (
            st.lists(inner, min_size=1, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")")
            | st.tuples(inner, sequence).map("".join)
            | st.tuples(inner, st.sampled_from(["", "?", "+"])).map(lambda p: f"({p[0]}){p[1]}")
        ),
        max_leaves=6,
    ) | st.tuples(st.just("(?i)"), sequence).map("".join)


@settings(max_examples=1000, deadline=None)
@given(source=_patterns(), ignorecase=st.booleans(), data=st.data())
def test_generated_patterns_never_need_what_a_matching_text_lacks(source, ignorecase, data):
    try:
        pattern = UserPattern(source, IGNORECASE if ignorecase else 0)
    except PatternError:
        return
    # text drawn from the pattern without its assertions: drawing text that satisfies
    # them all may take hypothesis forever
    plain = source
    for assertion in ASSERTIONS:
        plain = plain.replace(assertion, "")
    assert _needs_held(pattern, _copy_matching(data, plain, ignorecase))


def test_a_rule_still_flags_a_word_whose_capital_lowers_to_two_characters(lint_rule):
    lint = lint_rule("""
        extends: existence
        message: "Write '%s' in plain letters."
        level: warning
        ignorecase: true
        tokens: ['istanbul\\s+office']
    """)
    # "İ" lowers to "i" and a combining dot, so the lower-case copy holds no "istanbul";
    # Vale's search, ignoring case, matches it all the same
    alerts = lint("Visit the İSTANBUL OFFICE on Monday.\n")
    assert [row(a) for a in alerts] == [("Test.Rule", 1, 11, 1, 26, "İSTANBUL OFFICE", ())]
    assert [a.message for a in alerts] == ["Write 'İSTANBUL OFFICE' in plain letters."]


def test_a_rule_whose_words_are_absent_flags_nothing_and_present_flags_them(lint_rule):
    lint = lint_rule("""
        extends: existence
        message: "Use a hyphen, not '%s'."
        level: suggestion
        nonword: true
        tokens: ['\\s[—–]\\s']
    """)
    assert lint("Plain copy - with hyphens only.\n") == []
    alerts = lint("Plain copy - with hyphens.\n\nThen a dash — here.\n")
    assert [row(a) for a in alerts] == [("Test.Rule", 3, 12, 3, 15, " — ", ())]
