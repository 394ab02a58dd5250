"""`paragraph-length`: paragraphs with too many sentences or words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.checks.word_counts import word_counts
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label


@dataclass(frozen=True)
class ParagraphLengthOptions(Options):
    """The keys a `paragraph-length` rule takes, each declared once (`brandlint.core.options`)."""

    max_sentences: int | None = option(
        None, doc="The most sentences in a paragraph.", per_channel=True
    )
    max_words: int | None = option(None, doc="The most words in a paragraph.", per_channel=True)


class ParagraphLength(Rule):
    kind = "paragraph-length"
    per_block = True
    Options = ParagraphLengthOptions
    default_scope = ("paragraph",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        max_sentences = self.setting(channel, "max_sentences")
        max_words = self.setting(channel, "max_words")
        counts = ctx.fact(word_counts)
        for view in ctx.in_scope(self):
            sentences = len(view.sentences)
            words = counts.block(view)
            problem = ""
            if max_sentences is not None and sentences > int(max_sentences):
                problem = f"{sentences} sentences (at most {max_sentences})"
            elif max_words is not None and words > int(max_words):
                problem = f"{words} words (at most {max_words})"
            if problem:
                text = self.spec.message or "This paragraph has {problem}{channel}; split it."
                yield Finding(
                    view.block.start,
                    view.block.end,
                    text.format(problem=problem, channel=channel_label(channel)),
                )
