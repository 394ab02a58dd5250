"""Rules over markup read as a Vale project reads it (issue 12): a `.vale.ini`'s
IgnoredScopes, SkippedScopes and IgnoredClasses decide the copy, inline code reads as `*`s,
and the occurrence and capitalization kinds treat those `*`s as Vale does."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.core.alerts import Alert
from brandlint.workspace import Workspace
from tests.conftest import write_files

RULES = {
    "Demo/Todo.yml": "extends: existence\nmessage: \"'%s' left in text\"\nlevel: error\n"
    "tokens: [TODO, ACT test]\n",
    "Demo/Short.yml": "extends: occurrence\nmessage: 'Keep headings under 40 characters.'\n"
    "level: error\nscope: heading\nmax: 40\ntoken: .\n",
    "Demo/Sentence.yml": "extends: capitalization\nmessage: \"'%s' should be sentence-cased\"\n"
    "level: error\nscope: heading\nmatch: $sentence\n",
}
INI = """\
StylesPath = styles
MinAlertLevel = suggestion
IgnoredScopes = code, strong
SkippedScopes = script, style, pre, blockquote
IgnoredClasses = nop

[*]
BasedOnStyles = Demo
"""
COPY = """\
## `npm run build` is what you run first, always

TODO: write this. This is some text **ACT test** and ACT test.

> TODO: quoted, so skipped.

<span class="nop">TODO</span> and <em>TODO</em>.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    monkeypatch.delenv("VALE_STYLES_PATH", raising=False)
    styles = {f"styles/{name}": text for name, text in RULES.items()}
    write_files(tmp_path, {".vale.ini": INI, **styles, "post.md": COPY})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rows(alerts: list[Alert]) -> list[tuple[str, int, int, int, str]]:
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.message)
        for a in sorted(alerts, key=lambda a: (a.span.line, a.span.column, a.rule))
    ]


def test_the_ini_decides_what_markup_is_copy(project: Path) -> None:
    assert rows(Workspace().lint_file("post.md")) == [
        # `npm run build` reads as 13 `*`s: the heading is 43 characters long, and the alert
        # sits on its first character that is neither code nor blank (as in Vale); it starts
        # with a word, so `is` is rightly lower case for Demo.Sentence
        ("Demo.Short", 1, 20, 21, "Keep headings under 40 characters."),
        ("Demo.Todo", 3, 1, 5, "'TODO' left in text"),
        ("Demo.Todo", 3, 54, 62, "'ACT test' left in text"),  # the bold one is ignored
        ("Demo.Todo", 7, 39, 43, "'TODO' left in text"),  # <em> is not ignored, class nop is
    ]


def test_brandlint_alone_reads_the_same_file_its_own_way(project: Path) -> None:
    (project / ".vale.ini").unlink()
    (project / "brandlint.yaml").write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    found = rows(Workspace().lint_file("post.md"))
    # code is dropped (the heading is 30 characters), bold text, quotes and any class are copy;
    # the heading's copy so starts with 'is', a first word Vale's sentence case rejects
    assert [(rule, line, column) for rule, line, column, _, _ in found] == [
        ("Demo.Sentence", 1, 20),
        ("Demo.Todo", 3, 1),
        ("Demo.Todo", 3, 39),
        ("Demo.Todo", 3, 54),
        ("Demo.Todo", 5, 3),
        ("Demo.Todo", 7, 19),
        ("Demo.Todo", 7, 39),
    ]
