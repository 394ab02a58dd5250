"""The Vale drop-in mode's placement (`brandlint.vale_location`, `--vale-compat`): alerts
where Vale v3.7.1 puts them, beside the exact spans of the default mode."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint import Settings, Workspace
from brandlint.core.alerts import Alert
from brandlint.core.errors import UsageError
from brandlint.reporters.vale_json import alert_record

RULES = {
    "Avoid.yml": """\
        extends: existence
        message: "Avoid '%s'."
        level: warning
        tokens:
          - leverage
        """,
    "Being.yml": """\
        extends: existence
        message: 'Avoid using "%s"'
        level: suggestion
        ignorecase: true
        tokens:
          - is
        """,
    "Twice.yml": """\
        extends: repetition
        message: '"%s" is repeated.'
        level: error
        alpha: true
        tokens:
          - '[^\\s]+'
        """,
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("vale-project")
    (root / ".vale.ini").write_text(
        "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Test\n",
        encoding="utf-8",
    )
    styles = root / "styles" / "Test"
    styles.mkdir(parents=True)
    for name, text in RULES.items():
        (styles / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def workspaces(project: Path) -> dict[bool, Workspace]:
    config = str(project / ".vale.ini")
    return {
        mode: Workspace(Settings(vale_config=config, vale_compat=mode)) for mode in (True, False)
    }


def rows(alerts: list[Alert]) -> list[tuple[str, int, int, int, str, bool]]:
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.match, a.fixable) for a in alerts
    ]


def test_a_second_match_found_again_inside_a_word_is_dropped(
    workspaces: dict[bool, Workspace],
) -> None:
    text = "This is a plan that is ready.\n"
    exact = workspaces[False].lint_text(text, path="post.md")
    vale = workspaces[True].lint_text(text, path="post.md")
    assert rows(exact) == [
        ("Test.Being", 1, 6, 8, "is", True),
        ("Test.Being", 1, 21, 23, "is", True),
    ]
    # Vale blanks the first 'is' of its copy after the first alert: the one in 'This';
    # its search then finds 1:6 again, a duplicate it drops
    assert rows(vale) == [("Test.Being", 1, 6, 8, "is", True)]


def test_a_match_across_a_link_goes_to_the_start_of_its_line(
    workspaces: dict[bool, Workspace],
) -> None:
    text = "Intro.\n\nWe shipped it [in](https://example.com/a) in May.\n"
    exact = workspaces[False].lint_text(text, path="post.md")
    vale = workspaces[True].lint_text(text, path="post.md")
    assert rows(exact) == [("Test.Twice", 3, 16, 45, "in](https://example.com/a) in", False)]
    # 'in in' is not in the source: Vale's guess is the line holding the sentence's words;
    # the alert is not fixable there
    line = "We shipped it [in](https://example.com/a) in May."
    assert rows(vale) == [("Test.Twice", 3, 1, len(line) + 1, "in in", False)]
    assert vale[0].message == exact[0].message
    record = alert_record(vale[0], text)
    assert (record["Line"], record["Span"], record["Match"]) == (3, [1, len(line)], "in in")


def test_a_heading_with_emphasis_goes_to_the_start_of_its_line(
    workspaces: dict[bool, Workspace],
) -> None:
    text = "# We *leverage* data\n"
    assert rows(workspaces[False].lint_text(text, path="post.md")) == [
        ("Test.Avoid", 1, 7, 15, "leverage", True)
    ]
    # found in the line as written: the same place in both modes
    assert rows(workspaces[True].lint_text(text, path="post.md")) == [
        ("Test.Avoid", 1, 7, 15, "leverage", True)
    ]


def test_a_code_block_before_the_match_is_skipped(workspaces: dict[bool, Workspace]) -> None:
    text = "Setup:\n\n```\nleverage --all\n```\n\nWe leverage it.\n"
    vale = workspaces[True].lint_text(text, path="post.md")
    # the walker blanks the code it has passed, so the search does not stop there
    assert rows(vale) == [("Test.Avoid", 7, 4, 12, "leverage", True)]


def test_no_configuration_is_vale_error_in_the_drop_in_mode(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("We leverage it.\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"^E100 \[\.vale\.ini not found\] "):
        Workspace(Settings(vale_compat=True)).lint_file(post)


WORDS = st.sampled_from(["we", "ship", "data", "today", "our", "plans", "levers", "age"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(lambda w: " ".join(w).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(PARAGRAPH, max_size=4),
    after=st.lists(PARAGRAPH, max_size=4),
    line=PARAGRAPH,
    at=st.integers(min_value=0, max_value=50),
)
def test_a_match_written_once_on_a_line_of_its_own_is_placed_exactly(
    workspaces: dict[bool, Workspace], before: list[str], after: list[str], line: str, at: int
) -> None:
    words = line.split(" ")
    words.insert(at % (len(words) + 1), "leverage")
    text = "\n\n".join([*before, " ".join(words), *after]) + "\n"
    exact = [a for a in workspaces[False].lint_text(text, path="post.md") if a.rule == "Test.Avoid"]
    vale = [a for a in workspaces[True].lint_text(text, path="post.md") if a.rule == "Test.Avoid"]
    assert len(exact) == 1
    assert rows(vale) == rows(exact)
