"""Code, components, template tags and bare paths stand between words as a placeholder: a
rule never reads the words on either side as one run of copy (issue 13, real-copy bugs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint import Settings, Workspace

GUIDE = """\
name: t
extends:
  - brandlint:plain-language
rules:
  t.passive:
    extends: existence
    message: "'%s' may be passive."
    tokens: ['is caused']
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")))


def alerts(workspace: Workspace, tmp_path: Path, text: str) -> list[tuple[object, ...]]:
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_column, a.match, a.replacements)
        for a in workspace.lint_text(text, path=str(tmp_path / "post.md"))
        if a.rule in ("brandlint.plain-language.repeated-words", "t.passive")
    ]


def test_a_word_either_side_of_code_is_not_repeated(workspace, tmp_path) -> None:
    text = "Commit the `Gemfile` and `Gemfile.lock` and push. Set it to `false` to stop.\n"
    assert alerts(workspace, tmp_path, text) == []


def test_a_repeat_beside_code_is_still_found(workspace, tmp_path) -> None:
    text = "Set `debug` to to `false`.\n"
    assert alerts(workspace, tmp_path, text) == [
        ("brandlint.plain-language.repeated-words", 1, 13, 18, "to to", ("to",))
    ]


def test_a_path_or_component_stands_between_words(workspace, tmp_path) -> None:
    text = "Read /docs/posts/ posts first.\n\nnpm\n<TerminalBlock>\nnpm install\n</TerminalBlock>\n"
    assert alerts(workspace, tmp_path, text) == []


def test_a_phrase_is_not_found_across_code(workspace, tmp_path) -> None:
    text = "The crash is `nil` caused by a typo. The crash is caused by a typo.\n"
    assert alerts(workspace, tmp_path, text) == [("t.passive", 1, 48, 57, "is caused", ())]


def test_a_template_tag_is_not_copy_and_its_link_is_a_link(workspace, tmp_path) -> None:
    text = "See the [guides]({{ '/docs/guides/' | relative_url }}) guides for {{ site.title }}.\n"
    document = workspace.document(str(tmp_path / "post.md"), text)
    assert document.text == "See the guides guides for ."
    assert document.blocks[0].inline == (("link", 8, 14),)
    assert document.placeholders == (26,)  # the link's target stands for nothing
    assert alerts(workspace, tmp_path, text) == [
        ("brandlint.plain-language.repeated-words", 1, 10, 62, text[9:61], ("guides",))
    ]
