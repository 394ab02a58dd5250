"""The repetition kind: exact alerts where a word repeats across punctuation, case and
odd white space, and the screen that spares most units the loop over matches."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.checks.repetition import _Screen
from brandlint.core.patterns import UserPattern
from tests.conftest import row

# the built-in pack's rule (rules/plain-language/repeated-words.yml)
PACK_RULE = """
    extends: repetition
    message: "'%s' is repeated."
    level: warning
    ignorecase: true
    alpha: true
    tokens:
      - '[^\\s.,!?;:]+'
"""


def test_repetition_flags_words_repeated_across_punctuation(lint_rule):
    lint = lint_rule(PACK_RULE)
    alerts = lint("Pay once; once paid, we ship. The the box.\n")
    assert [(row(a), a.message) for a in alerts] == [
        (("Test.Rule", 1, 5, 1, 15, "once; once", ("once",)), "'once' is repeated."),
        (("Test.Rule", 1, 31, 1, 38, "The the", ("the",)), "'the' is repeated."),
    ]


def test_repetition_folds_case_fully_and_strips_separator_controls(lint_rule):
    # "STRASSE" folds to "strasse" as "straße" does; a unit separator (U+001F) is white
    # space to Python but part of a word to the pattern, and is stripped from the match
    lint = lint_rule(PACK_RULE)
    alerts = lint("STRASSE straße and \x1fthe The\x1c end.\n")
    assert [(row(a), a.message) for a in alerts] == [
        (("Test.Rule", 1, 1, 1, 15, "STRASSE straße", ("straße",)), "'straße' is repeated."),
        (("Test.Rule", 1, 20, 1, 29, "\x1fthe The\x1c", ("The",)), "'The' is repeated."),
    ]


def _repeats(pattern: UserPattern, text: str, ignorecase: bool) -> bool:
    """The loop's own test: two matches in a row whose stripped (folded) words are equal
    and not empty."""
    keys = [m.group().strip() for m in pattern.finditer(text)]
    if ignorecase:
        keys = [k.casefold() for k in keys]
    return any(a == b != "" for a, b in pairwise(keys))


# letters with full case folds (ß, ﬁ, İ, final sigma), punctuation of the pattern and not,
# and the white space only Python counts as such
_LETTERS = "aAbBßSsİi\u03a3\u03c3\u03c2ﬁf"
_COPY = st.text(alphabet=_LETTERS + " .,;:!?-'\n\t\x1c\x1f\u00a0\u2009", max_size=40)
_TOKENS = (r"[^\s.,!?;:]+", r"[^\s]+", r"[^\s-]+", r"\w+", r"[a-z]+", r"(\w)\w*", r"fi|ﬁ")


@settings(max_examples=400, deadline=None)
@given(_COPY, st.sampled_from(_TOKENS), st.booleans())
def test_screen_never_passes_over_a_unit_with_a_repeat(text, tokens, ignorecase):
    pattern = UserPattern(tokens, re.IGNORECASE if ignorecase else 0)
    assert _Screen(pattern, ignorecase).may_repeat(text) or not _repeats(pattern, text, ignorecase)


def test_screen_splits_text_for_runs_between_spaces_and_listed_punctuation():
    screen = _Screen(UserPattern(r"[^\s.,!?;:]+", re.IGNORECASE), True)
    assert screen.separators is not None
    assert not screen.may_repeat("Sell everywhere with the same stock. The end")
    assert screen.may_repeat("Sell everywhere: everywhere.")


def test_screen_searches_other_patterns():
    # a class with a cased letter, or no white space in it, is no plain split
    assert _Screen(UserPattern(r"[^\sx]+"), False).separators is None
    assert _Screen(UserPattern(r"[^.]+"), False).separators is None
    assert _Screen(UserPattern(r"\w+"), False).may_repeat("so so")
    assert not _Screen(UserPattern(r"\w+"), False).may_repeat("so So")
