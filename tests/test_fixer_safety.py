"""Safe fixes (issue 13, item 3): what `fix` writes on real-looking copy, what it leaves
for a person to choose, and why; and the guide's required wording exempt from tone rules
(item 4)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.cli.main import main
from brandlint.fixer import FixResult
from brandlint.workspace import Settings, Workspace
from tests.conftest import row

GUIDE = """
name: t
lang: en
channels:
  "sms/**": sms
terms:
  - use: Kestrel Cloud
    case: exact
    instead_of: [KCloud]
  - use: JavaScript
  - avoid: [guys]
    suggest: [everyone]
  - avoid: [folks]
    suggest: [everyone, friends]
  - avoid: [leverage]
    suggest: [use]
  - avoid: [utilize]
    suggest: [use]
  - use: sign in
    instead_of: [log in]
rules:
  t.heading-case: {extends: capitalization, match: $sentence, threshold: 1, scope: heading}
  t.adverbs:
    extends: existence
    message: "Cut '%s'."
    tokens: [really]
    action: {name: remove}
  t.caps: {extends: caps, min_length: 4}
  t.bangs: {extends: exclamation, max: 1}
  t.sentences: {extends: sentence-length, max: 8}
  t.hype: {extends: existence, message: "'%s' is hype.", tokens: [free]}
  t.opt-out:
    extends: required
    channels: [sms]
    text: Reply STOP to opt out or FREE help!
    at: end
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("guide")
    (root / "brandlint.yaml").write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    return Workspace(Settings(guide=str(root / "brandlint.yaml")))


def fix(workspace: Workspace, text: str, name: str = "post.md") -> FixResult:
    root = Path(workspace.settings.guide or ".").parent
    return workspace.fix_text(str(root / name), textwrap.dedent(text))


def held(result: FixResult) -> list[tuple[str, int, int, str]]:
    return [(h.alert.rule, h.alert.span.line, h.alert.span.column, h.reason) for h in result.held]


# -- case changes keep acronyms, mixed case, 'I' and the guide's spellings -----------------


def test_heading_case_keeps_acronyms_and_mixed_case(workspace):
    result = fix(workspace, "### iOS And HTML Apps For APIs\n")
    assert result.fixed == "### iOS and HTML apps for APIs\n"


def test_heading_case_keeps_english_i(workspace):
    result = fix(workspace, "## Do I Need An Account?\n")
    assert result.fixed == "## Do I need an account?\n"


def test_heading_case_keeps_the_guides_spellings(workspace):
    result = fix(workspace, "## Run Kestrel Cloud From JavaScript\n")
    assert result.fixed == "## Run Kestrel Cloud from JavaScript\n"


def test_heading_with_a_code_span_is_left_for_a_person(workspace):
    source = "## Using The `leverage` Flag\n"
    result = fix(workspace, source)
    assert result.fixed == source
    assert held(result) == [("t.heading-case", 1, 4, "the words run across markup")]


def test_heading_suggestion_keeps_the_code_span_as_written(workspace):
    result = fix(workspace, "## Using The `leverage` Flag With `npm` Or `pip`\n")
    assert [(h.alert.match, h.alert.replacements, h.alert.message) for h in result.held] == [
        (
            "Using The `leverage` Flag With `npm` Or",
            ("Using the `leverage` flag with `npm` or",),
            "'Using The `leverage` Flag With `npm` Or' should be in sentence case.",
        )
    ]


def test_diff_lists_the_heading_suggestion_with_its_code(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    path = tmp_path / "post.md"
    path.write_text("## Using The `leverage` Flag\n", encoding="utf-8")
    assert main(["fix", "--diff", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"# {path}, as fixed: not applied, for you to choose (your editor offers each):\n"
        "#   1:4 t.heading-case: 'Using The `leverage` Flag' → 'Using the `leverage` flag' "
        "(the words run across markup)\n"
    )


def test_a_term_swap_may_rewrite_its_own_mixed_case_token(workspace):
    result = fix(workspace, "Deploy with KCloud today.\n")
    assert result.fixed == "Deploy with Kestrel Cloud today.\n"


# -- replacements that depend on context are suggestions ----------------------------------


def test_a_pronoun_swap_is_not_applied(workspace):
    source = "Hey guys, our guys built it.\n"
    result = fix(workspace, source)
    assert result.fixed == source
    reason = "the right form depends on the sentence"
    assert held(result) == [("t.terms.guys", 1, 5, reason), ("t.terms.guys", 1, 15, reason)]


def test_several_choices_are_not_applied(workspace):
    source = "Thanks, folks.\n"
    result = fix(workspace, source)
    assert result.fixed == source
    assert held(result) == [("t.terms.folks", 1, 9, "several choices")]
    (alert,) = result.remaining
    assert alert.suggestion and alert.replacements == ("everyone", "friends")


def test_suggestions_are_offered_but_not_preferred_in_the_editor(workspace):
    from lsp.actions import quick_fixes

    root = Path(workspace.settings.guide or ".").parent
    (alert,) = workspace.lint_text("Thanks, folks.\n", str(root / "post.md"))
    actions = quick_fixes("file:///post.md", alert, None, ["Thanks, folks.\n"], _Codec())
    assert [(a.title, a.is_preferred) for a in actions] == [
        ("Replace with 'everyone' (t.terms.folks)", False),
        ("Replace with 'friends' (t.terms.folks)", False),
    ]


class _Codec:
    """Positions in code points (the tests' copy is ASCII)."""

    def position_from_client_units(self, lines, position):  # pragma: no cover - unused
        return position

    def range_to_client_units(self, lines, range):
        return range


# -- adjacent and overlapping fixes read as one edit --------------------------------------


def test_removal_takes_one_space_with_it(workspace):
    result = fix(workspace, "We really leverage the tool.\n")
    assert result.fixed == "We use the tool.\n"


def test_removal_inside_reference_link_text_keeps_the_link(workspace):
    source = "Try the [really fast][docs] setup, or [really][docs].\n\n[docs]: https://x.test/\n"
    result = fix(workspace, source)
    assert result.fixed == (
        "Try the [fast][docs] setup, or [really][docs].\n\n[docs]: https://x.test/\n"
    )
    assert held(result) == [("t.adverbs", 1, 33, "it would leave the link text or brackets empty")]


def test_removal_never_doubles_a_word(workspace):
    source = "Please use really use cases.\n"
    result = fix(workspace, source)
    assert result.fixed == source
    assert held(result) == [("t.adverbs", 1, 12, "it would repeat 'use'")]


def test_a_swap_never_doubles_a_word(workspace):
    source = "You can use utilize it.\n"
    result = fix(workspace, source)
    assert result.fixed == source
    assert held(result) == [("t.terms.utilize", 1, 13, "it would repeat 'use'")]


def test_removal_at_a_sentence_start_is_left_for_a_person(workspace):
    source = "Really, it works.\n"
    assert fix(workspace, source).fixed == source


def test_overlapping_fixes_are_applied_in_rounds(workspace):
    # the heading fix covers the whole heading; the term inside it follows in a 2nd round
    result = fix(workspace, "## How We Log In\n")
    assert result.fixed == "## How we sign in\n"
    assert fix(workspace, result.fixed).fixed == result.fixed


# -- `fix --diff` --------------------------------------------------------------------------


def test_diff_lists_what_it_did_not_apply(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    path = tmp_path / "post.md"
    path.write_text("## Do I Need It?\n\nWe leverage it, guys.\n", encoding="utf-8")
    assert main(["fix", "--diff", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == "## Do I Need It?\n\nWe leverage it, guys.\n"
    assert capsys.readouterr().out == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1,3 +1,3 @@\n"
        "-## Do I Need It?\n+## Do I need it?\n \n"
        "-We leverage it, guys.\n+We use it, guys.\n"
        f"# {path}, as fixed: not applied, for you to choose (your editor offers each):\n"
        "#   3:12 t.terms.guys: 'guys' → 'everyone' (the right form depends on the sentence)\n"
    )


def test_fix_counts_what_it_left(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    path = tmp_path / "post.md"
    path.write_text("We leverage it, guys.\n", encoding="utf-8")
    assert main(["fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == "We use it, guys.\n"
    assert capsys.readouterr().out == (
        f"{path}: 1 fix applied; 1 left for you to choose (see fix --diff)\n"
    )


# -- the guide's required wording is exempt from tone rules (item 4) -------------------------


def test_required_wording_is_exempt_from_caps_exclamations_hype_and_length(workspace):
    root = Path(workspace.settings.guide or ".").parent
    text = "Big news! Sale ends today. Reply STOP to opt out or FREE help!\n"
    alerts = workspace.lint_text(text, str(root / "sms" / "offer.txt"))
    assert [row(a) for a in alerts] == []


def test_tone_rules_still_apply_outside_required_wording(workspace):
    root = Path(workspace.settings.guide or ".").parent
    text = "Big news! HUGE free sale! Reply STOP to opt out or FREE help!\n"
    alerts = workspace.lint_text(text, str(root / "sms" / "offer.txt"))
    assert [row(a) for a in alerts] == [
        ("t.caps", 1, 11, 1, 15, "HUGE", ()),
        ("t.hype", 1, 16, 1, 20, "free", ()),
        ("t.bangs", 1, 25, 1, 26, "!", (".",)),
    ]


def test_the_guides_term_spelling_is_exempt_from_caps(lint_with):
    lint = lint_with(
        """
        name: t
        terms:
          - use: NASDAQ
        rules:
          t.caps: {extends: caps, min_length: 4}
        """
    )
    assert [row(a) for a in lint("Listed on NASDAQ, NEVER elsewhere.\n")] == [
        ("t.caps", 1, 19, 1, 24, "NEVER", ()),
    ]


# -- property: idempotent, only flagged spans, never code, URLs or tags --------------------

WORDS = [
    "We",
    "really",
    "leverage",
    "utilize",
    "use",
    "guys",
    "KCloud",
    "iOS",
    "log in",
    "Log In",
    "HTML",
    "`really`",
    "`leverage`",
    "<code>utilize</code>",
    "<kbd>KCloud</kbd>",
    "https://x.test/leverage",
    "me@utilize.test",
    "[really](https://x.test/really)",
    "[really fast][d]",
    ".",
    ",",
    "\n",
    "\n\n",
    "## Use The",
]
copy = st.lists(st.sampled_from(WORDS), min_size=1, max_size=24).map(" ".join)
PROTECTED = ("`really`", "`leverage`", "<code>utilize</code>", "<kbd>KCloud</kbd>")
ADDRESSES = ("https://x.test/leverage", "me@utilize.test", "(https://x.test/really)")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(copy)
def test_fix_is_idempotent_and_never_touches_code_urls_or_tags(workspace, text):
    result = fix(workspace, text + "\n\n[d]: https://x.test/\n")
    again = fix(workspace, result.fixed)
    assert again.fixed == result.fixed
    for kept in (*PROTECTED, *ADDRESSES):
        assert result.original.count(kept) == result.fixed.count(kept)
    assert result.fixed.endswith("\n\n[d]: https://x.test/\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(copy)
def test_one_round_touches_only_flagged_spans(workspace, text):
    from brandlint.fixer import apply_edits, plan_edits

    root = Path(workspace.settings.guide or ".").parent
    alerts = workspace.lint_text(text, str(root / "post.md"))
    edits = plan_edits(alerts, text)
    spans = [(a.span.offset, a.span.end_offset) for a in alerts]
    for edit in edits:
        # an edit is an alert's span, or a removal with the one space beside it
        assert any(s - 1 <= edit.start and edit.end <= e + 1 for s, e in spans)
    once = apply_edits(text, edits)
    position, rebuilt = 0, once
    for edit in edits:
        piece = text[position : edit.start]
        assert piece in rebuilt
        rebuilt = rebuilt[rebuilt.index(piece) + len(piece) :]
        position = edit.end


def test_html_fix_keeps_tags_attributes_and_code(workspace):
    source = (
        '<p>We really leverage <code>utilize</code> in <a href="https://x.test/leverage">'
        "our KCloud guide</a>.</p>\n"
    )
    result = fix(workspace, source, "page.html")
    assert result.fixed == (
        '<p>We use <code>utilize</code> in <a href="https://x.test/leverage">'
        "our Kestrel Cloud guide</a>.</p>\n"
    )
