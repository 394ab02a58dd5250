"""Words per block as prefix sums over its tokens, shared by the rules that count words.

The paragraph and sentence length rules each counted a reader's words (`word_count`) by
walking every token of every block, building a spaCy `Token` per step. Here each block's
counts come from its token ids in one array, each distinct spelling judged once per
document, so a paragraph's or a sentence's words are one subtraction.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

from brandlint.core.rule import BlockView, LintContext, word_count

if TYPE_CHECKING:
    from spacy.tokens import Span


class WordCounts:
    """The words of one document's blocks (`word_count`'s reading of a word)."""

    def __init__(self, ctx: LintContext) -> None:
        self._ctx = ctx
        self._prefix: dict[int, list[int]] = {}  # view index → words before each token
        self._is_word: dict[int, bool] = {}  # a token's ORTH id → whether it is a word
        self._reach: list[int] | None = None

    def _counts(self, view: BlockView) -> list[int]:
        prefix = self._prefix.get(view.index)
        if prefix is None:
            from spacy.attrs import ORTH

            strings = view.doc.vocab.strings
            known = self._is_word
            flags = []
            orths: list[int] = view.doc.to_array([ORTH]).reshape(-1).tolist()  # type: ignore[assignment]
            for orth in orths:
                word = known.get(orth)
                if word is None:
                    text = strings[orth]
                    word = known[orth] = any(c.isalnum() for c in text) and not text.startswith(
                        ("'", "’")
                    )
                flags.append(word)
            prefix = self._prefix[view.index] = list(accumulate(flags, initial=0))
        return prefix

    def block(self, view: BlockView) -> int:
        """The words of the block."""
        return self._counts(view)[-1]

    def sentence(self, view: BlockView, sentence: Span) -> int:
        """The words of a sentence of the block, leaving out those inside the guide's
        required wording ("Reply STOP to opt out." does not make an SMS too long)."""
        base = view.block.start
        wording = self._ctx.wording
        if self._reach is None:
            # the furthest end of the spans up to each one (they are sorted by start)
            self._reach = list(accumulate((stop for _, stop in wording.spans), max))
        # the spans starting before the sentence ends: does any reach into it?
        before = bisect_left(wording.spans, (base + sentence.end_char,))
        if before and self._reach[before - 1] > base + sentence.start_char:
            return word_count(
                token
                for token in sentence
                if not wording.covers(base + token.idx, base + token.idx + len(token))
            )
        counts = self._counts(view)
        return counts[sentence.end] - counts[sentence.start]


def word_counts(ctx: LintContext) -> WordCounts:
    """The document's `WordCounts`, for `LintContext.fact`."""
    return WordCounts(ctx)
