"""Words per block as prefix sums over its tokens, shared by the rules that count words.

The paragraph and sentence length rules each counted a reader's words (`word_count`) by
walking every token of every block, building a spaCy `Token` per step. Here whether a
spelling is a word is a flag of its lexeme in the pipeline's vocabulary (spaCy's
`Vocab.add_flag`: judged once per spelling the vocabulary ever sees, for every document
after), each block's flags come in one array, and a paragraph's or a sentence's words are
one subtraction. The guide's required wording, which sentences leave out, is found once per
block too: the words it covers are a sorted list of token indexes, so a sentence subtracts
those inside it by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from brandlint.core.rule import BlockView, LintContext, is_word

if TYPE_CHECKING:
    from spacy.tokens import Span
    from spacy.vocab import Vocab


class WordCounts:
    """The words of one document's blocks (`word_count`'s reading of a word)."""

    def __init__(self, ctx: LintContext) -> None:
        self._ctx = ctx
        self._prefix: dict[int, list[int]] = {}  # view index → words before each token
        self._covered: dict[int, list[int]] = {}  # view index → word tokens in wording
        self._reach: list[int] | None = None
        self._flag: int | None = None  # the lexeme flag of words in the blocks' vocabulary

    def _counts(self, view: BlockView) -> list[int]:
        prefix = self._prefix.get(view.index)
        if prefix is None:
            if self._flag is None:
                self._flag = word_flag(view.doc.vocab)
            flags: list[int] = view.doc.to_array(self._flag).tolist()
            prefix = self._prefix[view.index] = list(accumulate(flags, initial=0))
        return prefix

    def block(self, view: BlockView) -> int:
        """The words of the block."""
        return self._counts(view)[-1]

    def between(self, view: BlockView, start: int, end: int) -> int:
        """The words of the block's tokens `start` to `end`, required wording included: at
        least what `sentence` counts, and cheaper, so a limit is checked against it first."""
        counts = self._counts(view)
        return counts[end] - counts[start]

    def sentence(self, view: BlockView, sentence: Span) -> int:
        """The words of a sentence of the block, leaving out those inside the guide's
        required wording ("Reply STOP to opt out." does not make an SMS too long)."""
        words = self.between(view, sentence.start, sentence.end)
        covered = self._covered_words(view)
        if covered:
            words -= bisect_left(covered, sentence.end) - bisect_left(covered, sentence.start)
        return words

    def _covered_words(self, view: BlockView) -> list[int]:
        """The indexes of the block's word tokens that lie inside required wording."""
        covered = self._covered.get(view.index)
        if covered is None:
            covered = self._covered[view.index] = self._find_covered(view)
        return covered

    def _find_covered(self, view: BlockView) -> list[int]:
        wording = self._ctx.wording
        if not wording.spans:
            return []
        if self._reach is None:
            # the furthest end of the spans up to each one (they are sorted by start)
            self._reach = list(accumulate((stop for _, stop in wording.spans), max))
        base, end = view.block.start, view.block.start + len(view.text)
        # the spans starting before the block ends: does any reach into it?
        before = bisect_left(wording.spans, (end,))
        if not before or self._reach[before - 1] <= base:
            return []
        counts = self._counts(view)
        covered = set()
        # a token is covered only if it starts inside a span (`GuideWording.covers`), so
        # the tokens asked about are those of the spans reaching into the block
        for span_start, span_end in wording.spans[bisect_right(self._reach, base) : before]:
            if span_end <= base:
                continue
            tokens = view.doc.char_span(
                max(span_start - base, 0), min(span_end, end) - base, alignment_mode="expand"
            )
            for token in tokens or ():
                i, idx = token.i, base + token.idx
                if counts[i + 1] > counts[i] and wording.covers(idx, idx + len(token)):
                    covered.add(i)
        return sorted(covered)


def word_flag(vocab: Vocab) -> int:
    """The id of the lexeme flag marking words (`is_word`) in `vocab`, added the first time.
    Its lexemes are judged when it is added, and new ones as spaCy creates them."""
    for flag, getter in vocab.lex_attr_getters.items():  # type: ignore[attr-defined]
        if getter is is_word:
            return int(flag)
    return int(vocab.add_flag(is_word))


def word_counts(ctx: LintContext) -> WordCounts:
    """The document's `WordCounts`, for `LintContext.fact`."""
    return WordCounts(ctx)
