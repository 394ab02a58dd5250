"""Plain text paragraphs and front matter handling."""

from __future__ import annotations

from brandlint.document.reader import UnreadableFile, decode, parse_document


def test_plain_text_paragraphs_split_on_blank_lines():
    document = parse_document("sms.txt", "Flash sale today!\nReply STOP to opt out.\n\n\nSecond.\n")
    assert [document.block_text(b) for b in document.blocks] == [
        "Flash sale today! Reply STOP to opt out.",
        "Second.",
    ]
    index = document.text.index("Reply")
    span = document.source_span(index, index + 5)
    assert (span.line, span.column) == (2, 1)


def test_invalid_front_matter_is_reported_not_fatal():
    document = parse_document("post.md", "---\ntitle: [unclosed\n---\nBody copy.\n")
    (notice,) = document.notices
    assert notice.rule == "brandlint.front-matter"
    assert document.block_text(document.blocks[0]) == "Body copy."


def test_binary_and_non_utf8_are_unreadable_with_a_reason():
    for data, words in ((b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"caf\xe9\nok", "line 1")):
        try:
            decode(data)
        except UnreadableFile as exc:
            assert words in str(exc)
        else:
            raise AssertionError("decode accepted bad input")


def test_bom_is_not_a_column():
    assert decode("\ufeffHello".encode()) == "Hello"
