"""A Markdown Document's line index, made once for the walker and the Document, is the
source's own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brandlint.core.document import LineIndex
from brandlint.document.reader import parse_document

_PIECES = st.sampled_from(
    ["Kestrel Pay", "\n", "\r\n", "\r", "$$x$$", "{{ page.title }}", "`npm i`", "> ", "- ", " "]
)
_FRONT = st.sampled_from(["", "---\ntitle: Pay day\n---\n", "+++\r\ntitle = 'Pay'\r\n+++\r\n"])


@given(_FRONT, st.lists(_PIECES, max_size=20))
def test_the_lines_are_the_sources(front: str, pieces: list[str]) -> None:
    source = front + "".join(pieces)
    document = parse_document("post.md", source)
    assert document.lines.source == source
    assert document.lines.starts == LineIndex(source).starts
