"""The voice summary of a document: how it reads, beside the guide's targets.

Everything here is measured with the detectors the rules use (passive voice, emoji,
contractions, textstat readability), so `brandlint stats` and the alerts never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from brandlint.core.document import NOT_PROSE, Block
from brandlint.core.rule import BlockView, LintContext, word_count
from brandlint.readability import measure, unsupported_reason
from brandlint.voice.contractions import PAIRS, contracted_forms
from brandlint.voice.emoji import emoji_spans
from brandlint.voice.formality import formality
from brandlint.voice.passive import passive_spans

_YOU = {
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "you're",
    "you’re",
    "you'll",
    "you’ll",
    "you've",
    "you’ve",
    "you'd",
    "you’d",
}
_WE = {
    "we",
    "our",
    "ours",
    "us",
    "ourselves",
    "we're",
    "we’re",
    "we'll",
    "we’ll",
    "we've",
    "we’ve",
    "we'd",
    "we’d",
}


@dataclass(frozen=True)
class VoiceMetrics:
    """Per-document figures; None where a figure cannot be measured for the language."""

    path: str
    lang: str
    channel: str
    words: int
    sentences: int
    grade: float | None
    reading_ease: float | None
    mean_sentence_length: float
    max_sentence_length: int
    passive_share: float  # share of sentences with a passive construction
    exclamations_per_100_words: float
    emoji: int
    you_we_ratio: float | None  # "you" words per "we" word; None when there is no "we"
    contractions_share: float | None  # contracted / (contracted + spelled-out contractible)
    formality: float | None  # Heylighen–Dewaele F-score (0 chatty … 100 formal)
    targets: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        return asdict(self)


def is_prose(block: Block) -> bool:
    """Whether a block is running prose (not a heading, alt text, title or meta field)."""
    return not any(block.in_scope(scope) for scope in NOT_PROSE)


def document_words(views: Iterable[BlockView]) -> int:
    """How many words a document has: the words (`word_count`) of its running prose, from
    the tokens the linter made of its blocks. `brandlint stats` and `brandlint audit` both
    count with this, so a file has one word count everywhere."""
    return sum(word_count(view.doc) for view in views if is_prose(view.block))


def voice_metrics(ctx: LintContext, targets: dict[str, Any]) -> VoiceMetrics:
    document = ctx.document
    lang = document.lang or "en"
    views = [v for v in ctx.views if is_prose(v.block)]
    sentences = [s for v in views for s in v.sentences if word_count(s)]
    lengths = [word_count(s) for s in sentences]
    words = document_words(views)  # = sum(lengths): a block's sentences cover its tokens
    text = "\n".join(v.text for v in views)
    scores = measure(text, lang) if words and not unsupported_reason(lang) else None
    passive = (
        sum(1 for v in views for s in v.sentences if passive_spans(s.as_doc(), ctx.trained))
        if lang == "en"
        else 0
    )
    lowers = [t.lower_ for v in views for t in v.doc]
    you = sum(1 for w in lowers if w in _YOU)
    we = sum(1 for w in lowers if w in _WE)
    contracted, expanded = _contractions(text) if lang == "en" else (0, 0)
    return VoiceMetrics(
        path=document.path,
        lang=lang,
        channel=document.channel or "",
        words=words,
        sentences=len(sentences),
        grade=scores.grade if scores else None,
        reading_ease=scores.ease if scores else None,
        mean_sentence_length=round(words / len(sentences), 1) if sentences else 0.0,
        max_sentence_length=max(lengths, default=0),
        passive_share=round(passive / len(sentences), 2) if sentences else 0.0,
        exclamations_per_100_words=round(100 * text.count("!") / words, 1) if words else 0.0,
        emoji=sum(len(emoji_spans(v.text)) for v in ctx.views),
        you_we_ratio=round(you / we, 2) if we else None,
        contractions_share=(
            round(contracted / (contracted + expanded), 2) if contracted + expanded else None
        ),
        formality=formality([v.doc for v in views], ctx.trained) if lang == "en" else None,
        targets=targets,
    )


def _contractions(text: str) -> tuple[int, int]:
    import re

    lower = text.lower()
    contracted = sum(
        len(re.findall(rf"(?<!\w){re.escape(c)}(?!\w)", lower)) for c in contracted_forms()
    )
    expanded = sum(
        len(re.findall(rf"(?<!\w){re.escape(long.lower())}(?!\w)", lower)) for long in PAIRS
    )
    return contracted, expanded
