"""The cheap screens of two Vale kinds: an occurrence rule counting words against a maximum
skips sentences too short to break it (k words take 2k - 1 characters) and counts only
those with more words than allowed, block by block; a pattern rule whose every match holds
a run of capitals (Vale's acronym rules) looks for the run instead of the patterns. Both
must give the alerts the unscreened path gives."""

from __future__ import annotations

import textwrap
from functools import partial

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.checks.patterns import _capitals_run, _capitals_screen, _prefilters, _Units
from brandlint.core.patterns import IGNORECASE, UserPattern
from brandlint.workspace import Settings, Workspace
from tests.conftest import row

SENTENCE_LENGTH = """
    extends: occurrence
    message: "Try to keep sentences short (< 10 words)."
    scope: sentence
    level: suggestion
    max: 10
    token: {token}
"""

ACRONYMS = """
    extends: conditional
    message: "'%s' has no definition."
    level: suggestion
    ignorecase: false
    first: '\\b([A-Z]{3,5})\\b'
    second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
    exceptions: [API, HTML]
"""

# the word pattern the screen knows, and the same matches in a form it does not
SCREENED, UNSCREENED = r"'\b(\w+)\b'", r"'(?:\b(\w+)\b)'"


def test_sentence_of_max_plus_one_one_letter_words_is_flagged(lint_rule):
    # 11 words in 2 * 10 + 1 characters: the shortest sentence that breaks the limit
    lint = lint_rule(SENTENCE_LENGTH.format(token=SCREENED))
    ten = "One two three four five six seven eight nine ten."
    alerts = lint(f"Set it up now.\n\na b c d e f g h i j k\n\n{ten}\n")
    assert [(*row(a), a.message) for a in alerts] == [
        ("Test.Rule", 3, 1, 3, 2, "a", (), "Try to keep sentences short (< 10 words)."),
    ]


def test_long_sentences_are_flagged_at_their_first_word_and_short_ones_not(lint_rule):
    lint = lint_rule(SENTENCE_LENGTH.format(token=SCREENED))
    alerts = lint("""\
        # Rotate your API keys

        Keys expire. When a key that your build server, your staging site and your
        release scripts all share expires, every deploy fails at once. Rotate it first.
    """)
    assert [row(a) for a in alerts] == [("Test.Rule", 3, 14, 3, 18, "When", ())]


def test_long_sentence_past_the_first_part_of_a_long_page_is_flagged(lint_rule):
    # more blocks than one part holds: the rule runs part by part, on each part's docs
    lint = lint_rule(SENTENCE_LENGTH.format(token=SCREENED))
    notes = [f"Release note {number} is short." for number in range(600)]
    notes[550] = "This release moves the settings page, renames two flags and drops the old CLI."
    alerts = lint("\n\n".join(notes) + "\n")
    assert [row(a) for a in alerts] == [("Test.Rule", 1101, 1, 1101, 5, "This", ())]


# words of letters, digits, marks and underscores, between spaces and punctuation that
# may or may not end a sentence: around ten words a paragraph, the limit of the rules here
_WORD = st.text(alphabet=st.sampled_from([*"abZ9_", "\u00e9", "\u0301", "\u0663"]), max_size=4)
_BETWEEN = st.sampled_from([" ", ", ", "-", "'", "\u2019", ". ", "\n", " (", ") "])
_WORDY = st.lists(st.tuples(_WORD, _BETWEEN), min_size=1, max_size=16).map(
    lambda pairs: "".join(word + between for word, between in pairs)
)


@pytest.fixture(scope="module")
def both_counts(tmp_path_factory):
    """Lint with the screened and with the unscreened word pattern, each in its own guide."""
    lints = []
    for token in (SCREENED, UNSCREENED):
        root = tmp_path_factory.mktemp("occurrence")
        style = root / "styles" / "Test"
        style.mkdir(parents=True)
        (style / "Rule.yml").write_text(textwrap.dedent(SENTENCE_LENGTH.format(token=token)))
        (root / "brandlint.yaml").write_text("name: t\nextends: [styles]\n")
        workspace = Workspace(Settings(guide=str(root / "brandlint.yaml")))
        lints.append(partial(workspace.lint_text, path=str(root / "post.md")))
    return lints


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sentences=st.lists(_WORDY, min_size=1, max_size=4))
def test_screened_word_count_gives_the_alerts_of_the_unscreened_one(both_counts, sentences):
    copy = "\n\n".join(s.strip() or "x" for s in sentences) + "\n"
    screened, unscreened = (lint(copy) for lint in both_counts)
    assert [(row(a), a.message) for a in screened] == [(row(a), a.message) for a in unscreened]


def test_acronyms_are_flagged_until_defined(lint_rule):
    lint = lint_rule(ACRONYMS)
    alerts = lint("""\
        The SDK talks to the API over HTML forms.

        Install the Software Development Kit (SDK) and the Command Line Tool (CLT).

        Then the SDK and the CLT and the GPU are ready.
    """)
    assert [(*row(a), a.message) for a in alerts] == [
        ("Test.Rule", 1, 5, 1, 8, "SDK", (), "'SDK' has no definition."),
        ("Test.Rule", 5, 34, 5, 37, "GPU", (), "'GPU' has no definition."),
    ]


def test_page_without_a_run_of_capitals_has_no_acronym_alert(lint_rule):
    lint = lint_rule(ACRONYMS)
    assert lint("Our Docs use US and EU dates.\n\nSee the Style Guide for more.\n") == []


@pytest.mark.parametrize(
    ("source", "run"),
    [
        (r"\b([A-Z]{3,5})\b", ("A-Z", 3)),
        (r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)", ("A-Z", 3)),
        (r"[A-Z]{3}|(?:x[B-D]{4,})", ("A-ZB-D", 3)),
        (r"(?>[A-Z]{2}[A-Z]{4})", ("A-Z", 4)),
        (r"\b[A-Z]{2}\b", None),  # pairs are too common to screen for
        (r"[A-Z]{3}|foo", None),  # an alternative without a run
        (r"(?:[A-Z]{4})?x", None),  # an optional group
        (r"(?=[A-Z]{3})\w+", None),  # what a lookahead reads is no part of the match
        (r"[A-Z\d]{3}", None),
        (r"[^A-Z]{3}", None),
        (r"(?(1)[A-Z]{3})", None),
    ],
)
def test_runs_of_capitals_every_match_holds(source, run):
    assert _capitals_run(source) == run


def test_no_screen_for_patterns_that_ignore_case_or_set_flags():
    assert _capitals_screen([UserPattern(r"[A-Z]{3}", IGNORECASE)]) is None
    assert _capitals_screen([UserPattern(r"(?i)[A-Z]{3}")]) is None
    assert _capitals_screen([UserPattern(r"(?:[A-Z]{3}){e<=1}")]) is None


def test_acronym_patterns_share_one_screen():
    first = UserPattern(r"\b([A-Z]{3,5})\b")
    second = UserPattern(r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)")
    (prefilter,) = _prefilters([second, first])
    assert prefilter.confined is not None
    assert prefilter.confined.source == "[A-Z]{3}"
    assert prefilter.folded is None


_UNIT = st.text(alphabet=st.sampled_from([*"ABCXaz (),.\n", "\u00c9"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(units=st.lists(_UNIT, min_size=2, max_size=6))
def test_capitals_screen_keeps_every_unit_where_a_pattern_matches(units):
    patterns = [
        UserPattern(r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)"),
        UserPattern(r"\b([A-Z]{3,5})\b"),
    ]
    screen = _capitals_screen(patterns)
    assert screen is not None
    numbered = [(number * 100, text) for number, text in enumerate(units)]
    matching = [u for u in numbered if any(p.search(u[1]) for p in patterns)]
    kept = list(_Units(numbered).candidates(screen))
    assert [u for u in kept if u in matching] == matching


def test_editor_keeps_a_long_sentence_alert_per_block_as_a_full_lint_places_it(tmp_path):
    # the rule reads each block on its own: an editor checks only the block it changed
    from brandlint.incremental import BlockCache

    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True)
    (style / "Rule.yml").write_text(textwrap.dedent(SENTENCE_LENGTH.format(token=SCREENED)))
    (tmp_path / "brandlint.yaml").write_text("name: t\nextends: [styles]\n")
    workspace = Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")))
    path = str(tmp_path / "post.md")
    long = "Orders from every shop, the web store and the app land in one list you can sort."
    cache = BlockCache()
    for text in (f"# Orders\n\n{long}\n", f"# Orders\n\nCard payments.\n\n{long}\n"):
        kept = cache.lint_text(workspace, text, path, "markdown")
        assert kept == workspace.lint_text(text, path, "markdown")
    assert [row(a) for a in kept] == [("Test.Rule", 5, 1, 5, 7, "Orders", ())]
    assert cache.reused == 2  # the heading and the long paragraph; the new one is checked
