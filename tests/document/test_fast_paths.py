"""The reader's shortcuts give what the plain way gives: line starts, blanked markup, and
blocks assembled from pieces."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from brandlint.core.document import BlockDraft, LineIndex, Segment, assemble
from brandlint.document.markdown import _TEMPLATE_TAG, _without_templates
from brandlint.document.masking import blanked
from brandlint.document.mdx import MarkupView
from brandlint.document.reader import parse_document

# copy with every kind of line break, blank lines and non-ASCII letters
source = st.lists(st.sampled_from(["a", "é", " ", "\t", "\n", "\r", "\r\n", "🎉"])).map("".join)


def reference_starts(text: str) -> list[int]:
    """Each line's start, found a line break at a time."""
    return [0, *(found.end() for found in re.finditer(r"\r\n?|\n", text))]


@given(source)
def test_line_starts_are_those_found_break_by_break(text: str) -> None:
    assert LineIndex(text).starts == reference_starts(text)


@given(source, st.sampled_from([" ", "*"]))
def test_blanked_text_is_the_text_blanked_character_by_character(text: str, fill: str) -> None:
    assert blanked(text, fill) == re.sub(r"[^\r\n]", fill, text)


def test_front_matter_is_blanked_so_lines_keep_their_numbers() -> None:
    source = "---\r\ntitle: Our launch\r\n---\r\nKestrel ships *today*.\r\n"
    document = parse_document("post.md", source)
    body = document.blocks[-1]
    assert document.block_text(body) == "Kestrel ships today."
    assert document.source_span(body.start, body.end).line == 4


def test_a_block_of_white_space_pieces_is_left_out() -> None:
    blank = BlockDraft(frozenset({"paragraph"}))
    blank.add(" ", 0, 2)  # a line break read as a space
    blank.add("\t", 2)
    words = BlockDraft(frozenset({"paragraph"}))
    words.add("Fly ", 3)
    words.add("&", 7, 12)  # `&amp;` decoded
    words.add(" land", 12)
    document = assemble("post.md", "  \t Fly &amp; land", [blank, words], format="markdown")
    assert document.text == "Fly & land"
    assert document.position_map.segments == [
        Segment(0, 4, 3, 7, True),
        Segment(4, 5, 7, 12, False),
        Segment(5, 10, 12, 17, True),
    ]
    assert document.position_map.to_source(4, 5) == (7, 12)


template_page = st.lists(
    st.sampled_from(["Hi ", "{{ .Title }}", "{% include x %}", "\n", "{{<", "}}", "%}", "é"])
).map("".join)


@given(template_page)
def test_template_tags_are_blanked_where_they_stand(text: str) -> None:
    view = _without_templates(MarkupView(text))
    assert view.text == _TEMPLATE_TAG.sub(lambda tag: " " * len(tag.group()), text)
    assert [(start, end) for start, end, _ in view.regions] == [
        tag.span() for tag in _TEMPLATE_TAG.finditer(text)
    ]
