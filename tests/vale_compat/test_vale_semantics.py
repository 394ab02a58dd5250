"""What a `.vale.ini` project reads and flags as Vale does (issue 12, part C): the default
dictionary, Vale's word splitting and exceptions in spelling, words inside one spaCy token
for existence, rst and Org read through their HTML, files of any type in a folder walk,
and a configuration that is named but missing.

Each test builds a small project in a temporary folder; the copy is real-looking."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandlint.checks.metric import vale_sentences, vale_syllables
from brandlint.checks.spelling import vale_words
from brandlint.core.alerts import Alert
from brandlint.spelling import DEFAULT_FILES
from brandlint.workspace import Workspace


def make_project(root: Path, ini: str, rules: dict[str, str], files: dict[str, str]) -> Path:
    (root / ".vale.ini").write_text(ini, encoding="utf-8")
    (root / "styles").mkdir()
    for name, text in {**{f"styles/{k}": v for k, v in rules.items()}, **files}.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    monkeypatch.delenv("VALE_STYLES_PATH", raising=False)
    monkeypatch.delenv("DICPATH", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rows(alerts: list[Alert]) -> list[tuple[str, int, int, int, str]]:
    return sorted((a.rule, a.span.line, a.span.column, a.span.end_column, a.match) for a in alerts)


INI = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Demo\n"
TODO = "extends: existence\nmessage: \"'%s' left in text\"\nlevel: error\ntokens: [TODO]\n"


# -- spelling ---------------------------------------------------------------------------------
def test_the_default_dictionary_is_vales_en_us_web_shipped_with_brandlint(here: Path) -> None:
    aff, dic = DEFAULT_FILES
    assert aff.is_file() and dic.is_file()
    assert (aff.parent / "LICENSE").read_text(encoding="utf-8").count("Kevin Atkinson") >= 2
    make_project(
        here,
        INI.replace("BasedOnStyles = Demo", "BasedOnStyles = Vale"),
        {},
        # words en_US-web has and Debian's en_US lacks, then a real typo
        {"post.md": "Add a backtick, set up webhooks, read the quickstart and the recieve.\n"},
    )
    assert rows(Workspace().lint_file("post.md")) == [("Vale.Spelling", 1, 62, 69, "recieve")]


def test_a_vale_spelling_rule_splits_words_at_white_space_as_vale_does(here: Path) -> None:
    rule = "extends: spelling\nmessage: \"'%s'?\"\nlevel: error\n"
    make_project(
        here,
        INI,
        {"Demo/Spell.yml": rule},
        # `findChild()` and `Tag/html` are one word each, which the default filters skip;
        # `(recieve)` loses its brackets
        {"post.md": "Call findChild() with a Tag/html name (recieve).\n"},
    )
    assert rows(Workspace().lint_file("post.md")) == [("Demo.Spell", 1, 40, 47, "recieve")]


def test_a_custom_vale_spelling_rule_checks_a_hyphenated_word_whole(here: Path) -> None:
    rule = "extends: spelling\nmessage: \"'%s'?\"\nlevel: error\ncustom: true\n"
    make_project(
        here,
        INI,
        {"Demo/Spell.yml": rule},
        {"post.md": "Make the tool as human-friendly as possible.\n"},
    )
    # Vale's Hunspell reader has no BREAK: the compound is not split into known words
    assert rows(Workspace().lint_file("post.md")) == [("Demo.Spell", 1, 18, 32, "human-friendly")]


def test_accepted_words_are_searched_inside_a_word_by_a_vale_spelling_rule(here: Path) -> None:
    ini = INI.replace("[*]", "Vocab = Base\n\n[*]").replace("= Demo", "= Vale")
    make_project(
        here,
        ini,
        {"config/vocabularies/Base/accept.txt": "QObject\n(?i)arg\n"},
        {"post.md": "QObjects parse each RGArg and argumet, but not the recieve.\n"},
    )
    assert rows(Workspace().lint_file("post.md")) == [("Vale.Spelling", 1, 52, 59, "recieve")]


@given(st.text(alphabet=" \n\t()[]$\"'.,!?:;ab/-“”’", max_size=40))
def test_vale_words_are_in_order_without_white_space_and_hold_a_letter(text: str) -> None:
    previous_end = 0
    for start, end in vale_words(text):
        word = text[start:end]
        assert previous_end <= start < end
        assert not any(c.isspace() for c in word)
        assert any(c.isalpha() for c in word)
        previous_end = end


# -- existence ------------------------------------------------------------------------------
def test_a_vale_existence_rule_finds_its_word_inside_markup_and_urls(here: Path) -> None:
    make_project(
        here,
        INI,
        {"Demo/Todo.yml": TODO},
        {"notes.txt": "![TODO](/logo.png) and https://TODO.example.com, TODO.\n"},
    )
    assert rows(Workspace().lint_file("notes.txt")) == [
        ("Demo.Todo", 1, 3, 7, "TODO"),
        ("Demo.Todo", 1, 32, 36, "TODO"),
        ("Demo.Todo", 1, 50, 54, "TODO"),
    ]


def test_a_brandlint_guide_rule_keeps_whole_word_phrases(here: Path) -> None:
    (here / "brandlint.yaml").write_text(
        "name: t\nrules:\n  t.todo: {extends: existence, tokens: [TODO]}\n", encoding="utf-8"
    )
    (here / "notes.txt").write_text("![TODO](/logo.png) and TODO.\n", encoding="utf-8")
    assert [(a.rule, a.span.column) for a in Workspace().lint_file("notes.txt")] == [("t.todo", 24)]


# -- markup read through its HTML ------------------------------------------------------------
REDUNDANT = "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens: [ACT test]\n"


def test_org_emphasis_in_ignored_scopes_reads_as_stars(here: Path) -> None:
    make_project(
        here,
        INI.replace("[*]", "IgnoredScopes = code, strong\n\n[*]"),
        {"Demo/Act.yml": REDUNDANT},
        {"notes.org": "Some text ACT test\n\nSome text **ACT test** and /ACT test/\n"},
    )
    assert rows(Workspace().lint_file("notes.org")) == [
        ("Demo.Act", 1, 11, 19, "ACT test"),
        ("Demo.Act", 3, 29, 37, "ACT test"),
    ]


RST = """\
Release notes
=============

This was almost as as good as the other one.  Many readers miss the
the second one on a new line. **ACT test** here.

  TODO: quoted, so skipped.

Call ``ACT test`` and ACT test.
"""


def test_rst_in_a_vale_project_reads_as_rst2html_gives_it(here: Path) -> None:
    ini = INI.replace("[*]", "IgnoredScopes = code, tt, strong\nSkippedScopes = blockquote\n\n[*]")
    ini += "Vale.Repetition = YES\n"
    spacing = (
        "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\n"
        "tokens: ['[.?!] {2,}[A-Z]']\n"
    )
    make_project(
        here,
        ini,
        {"Demo/Act.yml": REDUNDANT, "Demo/Todo.yml": TODO, "Demo/Spacing.yml": spacing},
        {"notes.rst": RST},
    )
    # 'the\nthe' spans a line break (not a repeat in Vale); two spaces stay two; bold and
    # inline literals are stars; the block quote is skipped
    assert rows(Workspace().lint_file("notes.rst")) == [
        ("Demo.Act", 9, 23, 31, "ACT test"),
        ("Demo.Spacing", 4, 44, 48, ".  M"),
        ("Vale.Repetition", 4, 17, 22, "as as"),
    ]


# -- files and configuration -----------------------------------------------------------------
def test_a_folder_walk_takes_text_files_of_any_type_but_not_pictures_or_the_ini(
    here: Path,
) -> None:
    make_project(
        here,
        INI,
        {"Demo/Todo.yml": TODO},
        {"docs/paper.tex": "\\section{Intro}\nTODO: write the intro.\n", "docs/post.md": "Done.\n"},
    )
    (here / "docs" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00TODO")
    found = sorted(Path(p).name for p in Workspace().files(["docs"]))
    assert found == ["paper.tex", "post.md"]
    assert rows(Workspace().lint_file("docs/paper.tex")) == [("Demo.Todo", 2, 1, 5, "TODO")]


def test_a_missing_vale_config_path_is_a_usage_error(here: Path) -> None:
    (here / "post.md").write_text("Hello.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "brandlint", "check", "post.md"],
        capture_output=True,
        text=True,
        env={"VALE_CONFIG_PATH": str(here / "missing.ini"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"{here / 'missing.ini'}:1:1: error: Vale configuration file not found; check the path"
    )


# -- substitution ---------------------------------------------------------------------------
def test_a_match_its_replacement_pattern_already_matches_is_not_flagged(here: Path) -> None:
    rule = (
        "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nlevel: error\n"
        "nonword: true\nswap:\n"
        "  'CAUTION: \\*\\*\\w+:\\*\\*': 'CAUTION: \\*\\*(?:Caution|Warning):\\*\\*'\n"
    )
    make_project(
        here,
        INI,
        {"Demo/Caution.yml": rule},
        {"post.txt": "CAUTION: **Tip:** one.\n\nCAUTION: **Warning:** two.\n"},
    )
    assert rows(Workspace().lint_file("post.txt")) == [
        ("Demo.Caution", 1, 1, 18, "CAUTION: **Tip:**")
    ]


WORDS = st.sampled_from(["release", "notes", "ACT", "test", "the", "Kestrel", "ship", "it"])
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"**{w}**"),
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"``{w}``"),
)


@given(st.lists(st.lists(INLINE, min_size=1, max_size=8), min_size=1, max_size=4))
def test_rst_read_for_a_vale_project_maps_copy_back_to_its_source(lines: list[list[str]]) -> None:
    from brandlint.core.scopes import ValeMarkup
    from brandlint.document.rst import rst_document

    source = "\n".join("  ".join(line) if i % 2 else " ".join(line) for i, line in enumerate(lines))
    document = rst_document("notes.rst", source + "\n", ValeMarkup.from_ini(ignored=["strong"]))
    for segment in document.position_map.segments:
        copy = document.text[segment.text_start : segment.text_end]
        written = source[segment.source_start : segment.source_end]
        if segment.verbatim:
            assert copy == written
        elif copy.isspace():  # white space between words stands for white space
            assert written.isspace()
        else:  # bold reads as one `*` per character of its text
            assert copy == "*" * len(copy) and written.startswith("**")


# -- metric and readability counts --------------------------------------------------------------
DEMO = Path(__file__).parent / "data" / "fixtures" / "styles" / "demo" / "test.md"
GRADE = """\
extends: {kind}
message: "Grade level (%s) too high!"
level: warning
{body}
"""


@pytest.mark.parametrize(
    "body",
    [
        # Readability.FleschKincaid, a metric rule
        "formula: |\n  (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59\n"
        "condition: '> 7'",
        # demo.Reading, Vale's own readability kind (brandlint's message rounds to 0.1)
        "grade: 7\nmetrics:\n  - Flesch-Kincaid",
    ],
    ids=["metric", "readability"],
)
def test_vales_demo_copy_grades_as_vale_grades_it(here: Path, body: str) -> None:
    kind = "metric" if body.startswith("formula") else "readability"
    make_project(
        here,
        INI,
        {"Demo/Reading.yml": GRADE.format(kind=kind, body=body)},
        {"test.md": DEMO.read_text(encoding="utf-8")},
    )
    (alert,) = Workspace().lint_file("test.md")
    # styles.feature::Lint against demo: `test.md:1:1:demo.Reading:Grade level (7.13) too high!`
    expected = "Grade level (7.13) too high!" if kind == "metric" else "grade 7.1 in"
    assert expected in alert.message
    assert (alert.rule, alert.span.line) == ("Demo.Reading", 1)


def test_an_abbreviation_does_not_end_a_sentence_for_vale() -> None:
    paragraph = "This is a sentence (i.e. when X > 0), we can compute stuff. It's 11 am! Wait."
    assert vale_sentences(paragraph) == [
        "This is a sentence (i.e. when X > 0), we can compute stuff.",
        "It's 11 am!",
        "Wait.",
    ]


def test_vales_syllable_table_corner_cases_win() -> None:
    # twine's corner cases ('people' 2, 'recipe' 3), and its rule that 1–2 letters is one
    assert [vale_syllables(w) for w in ("People", "recipe", "a", "to", "")] == [2, 3, 1, 1, 0]


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20))
def test_every_word_has_a_syllable_for_vale(word: str) -> None:
    assert vale_syllables(word) >= 1
