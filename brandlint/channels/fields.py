"""The fields of a piece of copy: subject, preheader, title, body, headline, description…

Fields come from front matter (`subject:`), HTML (`<title>`, the meta description), copy
decks (`pieces: [{title: …, body: …}]`) or, for the body, the running text itself. Each is
a stretch of the document's copy, so an alert about its length lands on it in the file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from brandlint.core.rule import BlockView

BODY_FIELDS = ("field.body", "field.message", "field.text", "meta.body")
NOT_BODY = ("meta", "alt", "title", "field")


@dataclass(frozen=True)
class FieldText:
    """One field of one piece: copy offsets and text."""

    start: int
    end: int
    text: str
    piece: str


def piece_of(view: BlockView) -> str:
    return next((s for s in view.block.scopes if s.startswith("piece.")), "")


def field_texts(views: list[BlockView], text: str, field: str) -> list[FieldText]:
    """Every occurrence of `field` (one per piece), or the running text for `body`."""
    if field == "body":
        return _body(views, text)
    scopes = [f"meta.{field}", f"field.{field}"]
    if field == "subject":  # an HTML email's subject is its <title>
        scopes.append("meta.title")
    for scope in scopes:
        found = [
            FieldText(v.block.start, v.block.end, v.text, piece_of(v))
            for v in views
            if scope in v.block.scopes
        ]
        if found:
            return found
    return []


def _body(views: list[BlockView], text: str) -> list[FieldText]:
    by_piece: dict[str, list[BlockView]] = defaultdict(list)
    # whether a block is body copy, and of which piece, follows from its scopes alone, and
    # a document's blocks share a handful of scope sets: each set is judged once
    pieces: dict[frozenset[str], str | None] = {}  # scopes → piece, None: not body copy
    for view in views:
        scopes = view.block.scopes
        if scopes not in pieces:
            body = not any(view.block.in_scope(s) for s in NOT_BODY) or not scopes.isdisjoint(
                BODY_FIELDS
            )
            pieces[scopes] = piece_of(view) if body else None
        piece = pieces[scopes]
        if piece is not None:
            by_piece[piece].append(view)
    out = []
    for piece, members in by_piece.items():
        start, end = members[0].block.start, members[-1].block.end
        out.append(FieldText(start, end, text[start:end], piece))
    return out
