"""What stands in the copy for what is not copy: code, math, JSX, bare URLs, e-mail
addresses and file paths.

A parser adds a *mask* (`add_mask`) where code, math or a component sits in running text,
mapped to its source range. When the block is done, `settle` turns each mask into one space
where the words on either side would otherwise run together ("use<code>x</code>now" reads
"use now", not "usenow"), and drops it where white space or punctuation already separates
them ("Run `npm i` now" reads "Run  now"). A rule never sees the code.

Bare URLs, e-mail addresses and file paths in published markup are masked in place: they
read as `*`s (Vale's mask), as long as they are, a URL keeping its scheme (`https://…`). So
no rule finds a word in them, while a channel's length limit still counts them (X counts a
link as 23 whatever it holds). The placeholder maps to the whole link in the source: an
alert next to it never covers part of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from brandlint.core.document import BlockDraft

if TYPE_CHECKING:
    from linkify_it import LinkifyIt

MASK = "\x00"
"""A mask while a block is being built, never left in a Document (`settle` turns it into a
space or nothing). Only `add_mask` makes one: a piece not taken verbatim, which no markup
decodes to (`&#0;` reads U+FFFD)."""

# No space is needed after an opening or before a closing mark: "(`x`)" reads "()".
_OPENING = frozenset("([{‘“«¿¡\"'")
_CLOSING = frozenset(".,;:!?)]}’”»…\"'")

# File paths people write in running text; conservative, so a ratio ("24/7"), "and/or" or
# a product name ("ASP.NET") stays copy. Absolute Unix paths need two parts (/usr/bin).
_PATH = re.compile(
    r"""(?<![\w/\\.~:@-])(?:
        (?:\.{1,2}|~)/[^\s"'<>()\[\]{}|`]*          # ./docs/x.md  ../x  ~/.config
      | /[\w.@+-]+(?:/[\w.@+-]+)+/?                  # /usr/local/bin
      | [A-Za-z]:\\[^\s"'<>()\[\]{}|`]*              # C:\Users\x
      | \\\\[\w.$-]+\\[^\s"'<>()\[\]{}|`]*           # \\server\share
    )""",
    re.VERBOSE,
)
_TRAILING = ".,;:!?"
_RUN = re.compile(r"\S+")
_NOT_BREAKS = re.compile(r"[^\r\n]+")


def blanked(text: str, fill: str = " ") -> str:
    """`text` with each character but line breaks read as `fill`, so lines and columns
    stay where they were; a run at a time, not a character at a time."""
    return _NOT_BREAKS.sub(lambda run: fill * len(run.group()), text)


def starred(text: str) -> str:
    """Text as Vale's IgnoredScopes leave it: each character a `*` (line breaks kept)."""
    return blanked(text, "*")


def add_mask(draft: BlockDraft, start: int, end: int) -> None:
    """Something that is not copy sits at source[start:end] in this block's running text."""
    if end > start:
        draft.add(MASK, start, end)


def is_mask(piece: tuple[str, int, int, bool]) -> bool:
    return piece[0] == MASK and not piece[3]


@lru_cache(maxsize=1)
def _linkify() -> LinkifyIt:
    from linkify_it import LinkifyIt

    return LinkifyIt()


def link_spans(text: str) -> list[tuple[int, int]]:
    """Bare URLs (with a scheme, or starting `www.`), e-mail addresses and file paths in
    `text`, as (start, end), in order. A bare domain ("Booking.com", "readme.md") is not
    one: it is as likely a name the guide has a rule for."""
    spans: list[tuple[int, int]] = []
    if not ("/" in text or "@" in text or "\\" in text or "www." in text.lower()):
        return spans  # most blocks: none of what every link, address or path holds
    # A link has no white space: only the runs of text that could hold one go to linkify,
    # which is slow on whole paragraphs.
    if "://" in text or "@" in text or "www." in text.lower():
        for chunk in _RUN.finditer(text):
            word = chunk.group()
            if "://" not in word and "@" not in word and "www." not in word.lower():
                continue
            for found in _linkify().match(word) or []:
                # `//host/x` is left: in prose `//` is as often a comment or a separator
                if found.schema not in ("", "//") or found.text.lower().startswith("www."):
                    spans.append((chunk.start() + found.index, chunk.start() + found.last_index))
    if "/" in text or "\\" in text:
        for found in _PATH.finditer(text):
            start, end = found.span()
            while end > start + 2 and text[end - 1] in _TRAILING:
                end -= 1
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def settle(draft: BlockDraft, *, links: bool) -> BlockDraft:
    """Finish a draft: mask its bare links and paths (when `links`), then turn each run of
    masks into one space or nothing. Inline marks (link text) move with the copy."""
    text = draft.text
    if links:
        spans = link_spans(text.replace(MASK, " ") if MASK in text else text)
        if spans:
            _mask_spans(draft, text, spans)
    # a mask is a piece that reads MASK (a source's own NUL, taken verbatim, is none)
    if MASK in text and any(is_mask(piece) for piece in draft.pieces):
        _resolve(draft)
    return draft


def _mask_spans(draft: BlockDraft, text: str, spans: list[tuple[int, int]]) -> None:
    """Replace copy[start:end] of each span with its placeholder, mapped as a whole to the
    source it came from. Lengths do not change, so inline marks stay where they are."""
    pieces: list[tuple[str, int, int, bool]] = []
    position = 0  # copy offset where the current piece starts
    spans_left = iter(spans)
    span = next(spans_left, None)
    masked: tuple[int, int] | None = None  # the source range of the span being masked
    for piece_text, source_start, source_end, verbatim in draft.pieces:
        end = position + len(piece_text)
        cut = position
        while cut < end:
            if span is None or cut < span[0]:
                stop = end if span is None else min(end, span[0])
                pieces.append(
                    _slice(
                        piece_text,
                        source_start,
                        source_end,
                        verbatim,
                        cut - position,
                        stop - position,
                    )
                )
                cut = stop
                continue
            stop = min(end, span[1])
            if verbatim:
                here = (source_start + cut - position, source_start + stop - position)
            else:
                here = (source_start, source_end)
            masked = here if masked is None else (min(masked[0], here[0]), max(masked[1], here[1]))
            cut = stop
            if stop == span[1]:
                pieces.append((placeholder(text[span[0] : span[1]]), *masked, False))
                draft.placeholders.append(span[0])
                masked = None
                span = next(spans_left, None)
        position = end
    draft.pieces = pieces


def placeholder(link: str) -> str:
    """What a bare URL, e-mail address or path reads as: `*`s as long as it is, but for a
    URL's scheme (`https://`, `www.`), so a channel that counts a link as a fixed length
    (X: 23) still sees one."""
    scheme = re.match(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)", link, re.IGNORECASE)
    kept = scheme.end() if scheme else 0
    return link[:kept] + "*" * (len(link) - kept)


def _slice(
    text: str, source_start: int, source_end: int, verbatim: bool, start: int, end: int
) -> tuple[str, int, int, bool]:
    """Part text[start:end] of a piece, with its source range."""
    if not verbatim:
        return text[start:end], source_start, source_end, False
    return text[start:end], source_start + start, source_start + end, True


def _moved(runs: list[tuple[int, int, int, int]], offset: int, is_end: bool) -> int:
    """Where an old copy offset lands after masking (inside a masked span: its edge)."""
    for old_start, old_end, new_start, new_end in runs:
        if old_start <= offset < old_end or (offset == old_end and is_end):
            if old_end - old_start == new_end - new_start:
                return new_start + offset - old_start
            return new_end if is_end and offset > old_start else new_start
    return runs[-1][3] if runs else 0


def _resolve(draft: BlockDraft) -> None:
    """Each run of masks becomes one space where the words around it would otherwise join,
    else nothing; either way its place is kept as a placeholder."""
    pieces = draft.pieces
    out: list[tuple[str, int, int, bool]] = []
    runs: list[tuple[int, int, int, int]] = []
    placeholders: list[int] = []
    old = new = 0
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if not is_mask(piece):
            out.append(piece)
            runs.append((old, old + len(piece[0]), new, new + len(piece[0])))
            old += len(piece[0])
            new += len(piece[0])
            index += 1
            continue
        start, end = piece[1], piece[2]
        first = old
        while index < len(pieces) and is_mask(pieces[index]):
            start, end = min(start, pieces[index][1]), max(end, pieces[index][2])
            old += len(pieces[index][0])
            index += 1
        before = _last_char(out)
        after = _first_char(pieces, index)
        placeholders.append(new)
        if (
            before
            and after
            and not before.isspace()
            and not after.isspace()
            and before not in _OPENING
            and after not in _CLOSING
        ):
            out.append((" ", start, end, False))
            runs.append((first, old, new, new + 1))
            new += 1
        else:
            runs.append((first, old, new, new))
    draft.pieces = out
    draft.length = new
    # the links' placeholders moved with the copy; each mask run left one of its own
    draft.placeholders = sorted(
        [_moved(runs, at, False) for at in draft.placeholders] + placeholders
    )
    draft.inline = [
        (scope, _moved(runs, s, False), _moved(runs, e, True)) for scope, s, e in draft.inline
    ]


def _last_char(pieces: list[tuple[str, int, int, bool]]) -> str:
    for piece in reversed(pieces):
        if piece[0]:
            return piece[0][-1]
    return ""


def _first_char(pieces: list[tuple[str, int, int, bool]], index: int) -> str:
    for at in range(index, len(pieces)):
        if pieces[at][0] and not is_mask(pieces[at]):
            return pieces[at][0][0]
    return ""
