"""The scenarios where Vale's placement differs from the true span, in brandlint's default
mode: there each alert stays on the words it is about (editors fix them there), while the
suite (`test_vale_features.py`, run with `--vale-compat`) checks Vale's positions."""

from __future__ import annotations

from pathlib import Path

from tests.vale_compat.harness import Case, cases, external_program, run_case

BY_ID = {case.id: case for case in cases()}


def alerts_of(
    case_id: str, tmp_path: Path, files: tuple[str, ...], *checks: str
) -> list[tuple[str, int, int, str]]:
    """(file, line, column, rule) of the default mode's alerts of `checks`, sorted (not on
    files Vale hands to an external program, as in the suite)."""
    case: Case = BY_ID[case_id]
    outcome = run_case(case, tmp_path, vale_compat=False)
    assert outcome.code in (0, 1), outcome.stderr
    return sorted(
        (a.path, a.line, a.column, a.check)
        for a in outcome.alerts
        if a.check in checks and a.path in files and not external_program(a.path)
    )


def test_entity_heading_is_flagged_at_its_first_word(tmp_path: Path) -> None:
    # Vale: 6:1 (its text has U+00A0 where the source has '&#160;')
    found = alerts_of("checks.feature::SentenceCase", tmp_path, ("test.html",), "demo.SentenceCase")
    assert found == [("test.html", 6, 13, "demo.SentenceCase")]


def test_each_is_keeps_its_own_column(tmp_path: Path) -> None:
    # Vale drops the second 'is' (1:42): its search finds 1:6 again, a duplicate
    found = alerts_of(
        "config.feature::Overwrite MinAlertLevel (suggestion)",
        tmp_path,
        ("test.md",),
        "write-good.E-Prime",
        "write-good.Weasel",
    )
    assert found == [
        ("test.md", 1, 6, "write-good.E-Prime"),
        ("test.md", 1, 11, "write-good.Weasel"),
        ("test.md", 1, 42, "write-good.E-Prime"),
    ]


def test_repetition_across_a_link_is_at_its_first_word(tmp_path: Path) -> None:
    # Vale: 4:1 ('in](…) in' is not its text 'in in', so it guesses the line)
    found = alerts_of("misc.feature::Nested markup", tmp_path, ("test.md",), "Markup.Repetition")
    assert found == [("test.md", 4, 428, "Markup.Repetition")]


def test_demo_headings_and_quotes_at_their_words(tmp_path: Path) -> None:
    found = alerts_of(
        "styles.feature::Lint against demo",
        tmp_path,
        ("test.md", "test.mdx"),
        "demo.HeadingStartsWithCapital",
        "demo.ScopedHeading",
        "demo.Smart",
        "demo.Reading",
    )
    assert found == [
        ("test.md", 1, 3, "demo.HeadingStartsWithCapital"),
        # Vale: 1:1, an alert with no match text (the whole document's grade)
        ("test.md", 1, 3, "demo.Reading"),
        # Vale: 7:1, its text 'this is another heading!' is not in the line as written
        ("test.md", 7, 3, "demo.HeadingStartsWithCapital"),
        # Vale: 36:101, the line's first '"'; the block's last match is the '"' after curly
        ("test.md", 36, 178, "demo.Smart"),
        ("test.mdx", 1, 3, "demo.HeadingStartsWithCapital"),
        # Vale finds the line-7 heading's text only on line 9, and drops it as a duplicate
        ("test.mdx", 7, 4, "demo.ScopedHeading"),
        ("test.mdx", 9, 4, "demo.ScopedHeading"),
    ]


def test_no_configuration_lints_with_the_bundled_guide(tmp_path: Path) -> None:
    # Vale (and --vale-compat): E100, exit 2
    outcome = run_case(BY_ID["config.feature::Non-Existent Config"], tmp_path, vale_compat=False)
    assert outcome.code == 0
    assert "E100" not in outcome.stderr
