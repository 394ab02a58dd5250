"""Alert spans (1-based lines, code-point columns) to LSP ranges in the client's encoding.

pygls keeps document lines as Python strings, so a column in code points is what we have;
the client counts in UTF-16 code units unless it negotiated UTF-8 or UTF-32. An emoji
before a word shifts the UTF-16 column by one: the position codec converts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from brandlint.core.alerts import Span
from brandlint.core.document import LineIndex

# A line ends at LF, CRLF or a lone CR, in LSP as in the engine; `str.splitlines` (which
# pygls uses) also breaks at form feeds, U+0085, U+2028 and more, and would shift every
# line after one of them.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def source_lines(source: str) -> list[str]:
    """The lines of `source` as LSP counts them, each with its line break."""
    return _LINE.findall(source)


def span_to_range(span: Span, lines: Sequence[str], codec: PositionCodec) -> types.Range:
    code_points = types.Range(
        start=types.Position(line=span.line - 1, character=span.column - 1),
        end=types.Position(line=span.end_line - 1, character=span.end_column - 1),
    )
    if _ascii(lines, span.line - 1) and _ascii(lines, span.end_line - 1):
        return code_points  # one unit a character in every encoding: nothing to convert
    return codec.range_to_client_units(lines, code_points)


def _ascii(lines: Sequence[str], line: int) -> bool:
    # the codec counts a line's units character by character in Python, which costs a
    # long paragraph's length for each of its alerts
    return line < len(lines) and lines[line].isascii()


def offsets_to_range(
    source: str, start: int, end: int, lines: Sequence[str], codec: PositionCodec
) -> types.Range:
    return span_to_range(LineIndex(source).span(start, end), lines, codec)


def position_to_offset(
    source: str, lines: Sequence[str], codec: PositionCodec, position: types.Position
) -> int:
    """A client position as an offset in the document's text (code points)."""
    server = codec.position_from_client_units(lines, position)
    index = LineIndex(source)
    line = min(server.line, len(index.starts) - 1)
    return index.starts[line] + server.character
