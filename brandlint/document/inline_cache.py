"""Markdown's inline parse kept per paragraph, for an editor re-reading a page per keystroke.

markdown-it reads a page in two passes: the block pass finds headings, paragraphs, lists
and their line ranges; the inline pass then reads each block's text into emphasis, links,
code spans and plain text, and takes most of the time. The inline tokens of a block depend
on its text alone (and on the page's link reference definitions, `[label]: url`, which any
paragraph may use), so between two versions of a page only the blocks whose text changed
need reading again. An editor's `InlineCache` keeps them: while one is in force (`EDITING`,
set around one lint by `brandlint.incremental.BlockCache`), the parsers' inline pass takes
each block's tokens from it, and reads only new text. A page with reference definitions is
read whole, as without a cache. `tests/lsp/test_incremental_parse.py` checks that the
tokens are those of a plain parse, on random edits.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token


class InlineCache:
    """The inline tokens of the blocks of one editor buffer, by parser and block text.

    Tokens are shared between versions, so nothing after the inline pass may change them:
    `install` refuses a parser with a core rule after it (linkify, typographer)."""

    def __init__(self) -> None:
        # (parser identity, block text) → the parser (held, so the identity stays its
        # own), the tokens, and the number of the last parse that used them
        self._kept: dict[tuple[int, str], tuple[MarkdownIt, list[Token], int]] = {}
        self._parse = 0
        self.reused = 0  # blocks whose tokens were kept in the last parse, for tests
        self.read = 0  # blocks read afresh in the last parse

    def start(self) -> None:
        """A new version of the buffer is about to be parsed."""
        self._parse += 1
        self.reused = self.read = 0

    def sweep(self) -> None:
        """Forget what the last version did not use."""
        parse = self._parse
        self._kept = {k: v for k, v in self._kept.items() if v[2] == parse}

    def inline(self, state: StateCore) -> None:
        md, env, parse = state.md, state.env, self._parse
        kept = self._kept
        for token in state.tokens:
            if token.type != "inline":
                continue
            key = (id(md), token.content)
            found = kept.get(key)
            if found is None:
                children: list[Token] = []
                md.inline.parse(token.content, md, env, children)
                self.read += 1
            else:
                children = found[1]
                self.reused += 1
            kept[key] = (md, children, parse)
            token.children = children


EDITING: ContextVar[InlineCache | None] = ContextVar("brandlint_editing", default=None)


def install(md: MarkdownIt) -> None:
    """Make `md`'s inline pass use the editor's cache while one is in force."""
    from markdown_it.rules_core import inline as plain

    active = md.core.ruler.get_active_rules()
    if active[-1:] != ["inline"]:
        raise ValueError(f"core rules after the inline pass would change kept tokens: {active}")

    def inline(state: StateCore) -> None:
        cache = EDITING.get()
        if cache is None or state.env.get("references"):
            plain(state)  # no editor, or labels a paragraph may use from anywhere
        else:
            cache.inline(state)

    md.core.ruler.at("inline", inline)
