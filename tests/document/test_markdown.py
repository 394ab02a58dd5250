"""Markdown to copy: scopes, what is never copy, and exact positions."""

from __future__ import annotations

from brandlint.document.reader import parse_document


def blocks(source: str) -> list[tuple[list[str], str, int, int]]:
    """(scopes, copy, line, column) of each block."""
    document = parse_document("post.md", source)
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        out.append((sorted(block.scopes), document.block_text(block), span.line, span.column))
    return out


def test_headings_paragraphs_lists_quotes_and_tables_get_their_scopes():
    source = (
        "# Sell *everywhere*\n\n"
        "Kestrel keeps stock in sync.\n\n"
        "- Orders in **one** place\n\n"
        "> Quote from a store\n\n"
        "| Plan | Price |\n|---|---|\n| Pro | $9 |\n"
    )
    assert blocks(source) == [
        (["heading", "heading.h1"], "Sell everywhere", 1, 3),
        (["paragraph"], "Kestrel keeps stock in sync.", 3, 1),
        (["list", "paragraph"], "Orders in one place", 5, 3),
        (["blockquote", "paragraph"], "Quote from a store", 7, 3),
        (["table", "table.header"], "Plan", 9, 3),
        (["table", "table.header"], "Price", 9, 10),
        (["table", "table.cell"], "Pro", 11, 3),
        (["table", "table.cell"], "$9", 11, 9),
    ]


def test_code_urls_and_front_matter_keys_are_never_copy():
    source = (
        "---\ncampaign: leverage-q3\ntitle: Spring sale\n---\n"
        "Run `leverage --all` or see [our docs](https://example.com/leverage).\n\n"
        "```\nleverage everything\n```\n\n    indented leverage code\n\n"
        "<https://example.com/leverage-auto>\n"
    )
    document = parse_document("post.md", source)
    assert "leverage" not in document.text
    assert document.text == "Spring sale\n\nRun  or see our docs."


def test_front_matter_copy_fields_point_into_the_yaml():
    source = '---\nchannel: email\nsubject: "Big news, folks"\n---\nHello.\n'
    document = parse_document("mail.md", source)
    (subject, body) = document.blocks
    assert subject.scopes == {"meta", "meta.subject"}
    span = document.source_span(subject.start, subject.end)
    assert (span.line, span.column, span.end_column) == (3, 11, 26)
    assert document.meta["channel"] == "email"
    assert document.block_text(body) == "Hello."


def test_image_alt_and_title_are_blocks_of_their_own():
    source = 'See ![A parcel scanner](img/scan.png "Scanning a parcel") here.\n'
    assert blocks(source) == [
        (["alt"], "A parcel scanner", 1, 7),
        (["title"], "Scanning a parcel", 1, 39),
        (["paragraph"], "See  here.", 1, 1),
    ]


def test_entities_and_escapes_decode_but_map_to_their_markup():
    source = "Fish &amp; chips \\*today\\*\n"
    document = parse_document("post.md", source)
    assert document.text == "Fish & chips *today*"
    amp = document.text.index("&")
    span = document.source_span(amp, amp + 1)
    assert source[span.offset : span.end_offset] == "&amp;"


def test_link_text_is_copy_with_a_link_scope():
    document = parse_document("post.md", "Read [the guide](https://x.test) now.\n")
    (block,) = document.blocks
    assert [(scope, document.text[s:e]) for scope, s, e in block.inline] == [("link", "the guide")]


def test_raw_html_blocks_are_parsed_as_html():
    assert blocks("<div>\n<p>Hello <b>there</b></p>\n</div>\n") == [
        (["paragraph"], "Hello there", 2, 4),
    ]


def test_crlf_line_endings_and_a_bom_keep_columns_true():
    source = "# Title\r\n\r\nSecond line here.\r\n"
    document = parse_document("post.md", source)
    index = document.text.index("line")
    span = document.source_span(index, index + 4)
    assert (span.line, span.column) == (3, 8)
