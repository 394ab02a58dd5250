"""Markup read as a Vale project reads it: IgnoredScopes, SkippedScopes and IgnoredClasses
from its `.vale.ini` (issue 12), on Markdown, HTML and code comments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brandlint.core.document import Document
from brandlint.core.scopes import ValeMarkup
from brandlint.document.reader import parse_document

VALE = ValeMarkup()  # Vale's defaults: code, tt and kbd ignored; script, style, pre… skipped


def blocks(document: Document) -> list[tuple[list[str], str, int, int, int]]:
    """(scopes, copy, line, column, end column) of each block."""
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        out.append(
            (
                sorted(block.scopes),
                document.block_text(block),
                span.line,
                span.column,
                span.end_column,
            )
        )
    return out


def at(document: Document, word: str) -> tuple[int, int, int]:
    """(line, column, end column) in the source of `word`'s first place in the copy."""
    start = document.text.index(word)
    span = document.source_span(start, start + len(word))
    return span.line, span.column, span.end_column


def test_inline_code_reads_as_one_star_per_character_mapped_to_the_whole_span() -> None:
    source = "1. Click **Create policy**, select the `JSON` tab, and add a policy.\n"
    document = parse_document("steps.md", source, vale=VALE)
    assert blocks(document) == [
        (
            ["list", "paragraph"],
            "Click Create policy, select the **** tab, and add a policy.",
            1,
            4,
            69,
        )
    ]
    assert at(document, "****") == (1, 40, 46)  # the backticks too: the code as a whole
    assert at(document, "tab") == (1, 47, 50)


def test_brandlint_alone_still_drops_inline_code() -> None:
    document = parse_document("steps.md", "Select the `JSON` tab.\n")
    assert [b[1] for b in blocks(document)] == ["Select the  tab."]


def test_a_heading_that_starts_with_code_keeps_its_length() -> None:
    source = "## `The repository is being updated`, but it never ends\n"
    document = parse_document("help.md", source, vale=VALE)
    assert blocks(document) == [
        (["heading", "heading.h2"], "*" * 31 + ", but it never ends", 1, 4, 56)
    ]


def test_ignored_scopes_replace_the_default_list() -> None:
    # IgnoredScopes = strong: bold text is starred, and code is copy again (as in Vale)
    markup = ValeMarkup.from_ini(ignored=["strong"])
    source = "This is some text **ACT test** and `npm run`.\n"
    document = parse_document("a.md", source, vale=markup)
    assert blocks(document) == [
        (["paragraph"], "This is some text ******** and npm run.", 1, 1, 46)
    ]
    assert at(document, "********") == (1, 21, 29)  # the bold text, not its marks
    assert at(document, "npm run") == (1, 37, 44)


def test_skipped_scopes_and_ignored_classes_in_markdown() -> None:
    markup = ValeMarkup.from_ini(
        skipped=["script", "style", "pre", "figure", "blockquote"], classes=["nop"]
    )
    source = (
        "TODO: flagged.\n"
        "\n"
        "> TODO: not flagged.\n"
        "\n"
        '<p class="nop bar">\n'
        "TODO: not flagged.\n"
        "</p>\n"
        "\n"
        '<span class="nop">TODO</span> Flagged again.\n'
    )
    document = parse_document("skip.md", source, vale=markup)
    assert blocks(document) == [
        (["paragraph"], "TODO: flagged.", 1, 1, 15),
        (["paragraph"], "**** Flagged again.", 9, 19, 45),
    ]


def test_html_cells_headers_and_title_attributes() -> None:
    source = (
        "<table>\n"
        "<tr><th>Month</th></tr>\n"
        '<tr><td class="tableblock"><p class="tableblock">TODO soon</p></td></tr>\n'
        "</table>\n"
        '<p title="A tooltip Vale never reads">Body <kbd>Ctrl</kbd> text.</p>\n'
    )
    document = parse_document("t.html", source, vale=VALE)
    assert blocks(document) == [
        (["table", "table.header"], "Month", 2, 9, 14),
        (["table", "table.cell"], "TODO soon", 3, 50, 59),
        (["paragraph"], "Body **** text.", 5, 39, 65),
    ]
    # brandlint's own reading keeps the tooltip as copy, in the title scope
    plain = parse_document("t.html", source)
    assert (["title"], "A tooltip Vale never reads", 5, 11, 37) in blocks(plain)


def test_html_skipped_scopes_and_classes() -> None:
    markup = ValeMarkup.from_ini(skipped=["aside"], classes=["blurb"])
    source = (
        "<aside><p>TODO aside</p></aside>\n"
        '<div class="blurb"><p>TODO blurb</p></div>\n'
        '<p>Kept <em class="blurb">TODO</em> copy.</p>\n'
        "<pre>Read: pre is not in this SkippedScopes</pre>\n"
    )
    document = parse_document("s.html", source, vale=markup)
    assert [b[1] for b in blocks(document)] == [
        "Kept **** copy.",
        "Read: pre is not in this SkippedScopes",
    ]


def test_ignored_comment_scopes_leave_line_comments_out() -> None:
    source = '"""A docstring stays."""\n# I want to ignre this line\nx = 1  # and this one\n'
    markup = ValeMarkup.from_ini(ignored=["code", "text.comment.line"])
    document = parse_document("tool.py", source, vale=markup)
    assert [b[1] for b in blocks(document)] == []
    kept = parse_document("tool.py", "# A line comment stays\n", vale=VALE)
    assert blocks(kept) == [(["comment", "comment.line"], "A line comment stays", 1, 3, 23)]


def test_skips_comment_reads_vale_names() -> None:
    line = frozenset({"comment", "comment.line"})
    assert ValeMarkup.from_ini(ignored=["text.comment.line"]).skips_comment(line)
    assert ValeMarkup.from_ini(ignored=["comment"]).skips_comment(line)
    assert not ValeMarkup.from_ini(ignored=["comment.block"]).skips_comment(line)


_WORD = st.text(st.sampled_from("abcdefghij"), min_size=1, max_size=8)
_CODE = st.text(
    st.characters(blacklist_characters="`\r\n\\", codec="utf-8"), min_size=1, max_size=12
)


@given(_WORD, _CODE, _WORD)
def test_code_stars_keep_every_position_around_them(before: str, code: str, after: str) -> None:
    if code.strip() != code or not code.strip():
        code = f"x{code.strip()}x"  # CommonMark trims one space each side of a code span
    source = f"{before} `{code}` {after}\n"
    document = parse_document("p.md", source, vale=VALE)
    assert document.text == f"{before} {'*' * len(code)} {after}"
    start = len(document.text) - len(after)
    span = document.source_span(start, len(document.text))
    assert (span.column, span.end_column) == (len(before) + len(code) + 5, len(source))
    stars = document.text.index("*")
    span = document.source_span(stars, stars + len(code))
    assert (span.column, span.end_column) == (len(before) + 2, len(before) + len(code) + 4)
