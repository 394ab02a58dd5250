"""The voice summary of a document: how it reads, beside the guide's targets.

Everything here is measured with the detectors the rules use (passive voice, emoji,
contractions, readability), so `brandlint stats` and the alerts never disagree: readability
in particular goes through `brandlint.readability.measure_document`, the very function the
`readability` rule's document figure comes from, with the formula published for the
document's language (LIX for Norwegian, the Flesch–Kincaid grade for English, …).

A figure that cannot be measured for the language is None, never 0.0 and never an English
formula applied to other copy, and `reasons` says why ("no validated readability formula
for Hungarian", "no passive-voice detector for Yoruba").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from brandlint.core.document import NOT_PROSE, Block
from brandlint.core.rule import BlockView, LintContext, word_count
from brandlint.readability import (
    document_text,
    language,
    measure,
    syllable_reason,
    syllables_per_word,
)
from brandlint.voice.contractions import PAIRS, contracted_forms
from brandlint.voice.emoji import emoji_spans
from brandlint.voice.formality import formality, formality_reason
from brandlint.voice.languages import language_name
from brandlint.voice.passive import passive_reason, passive_sentences

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
    """Per-document figures; None where a figure cannot be measured for the language, with
    the reason in `reasons` (keyed by the figure's field name; "readability" for all of
    `readability`, `grade`, `reading_ease` and `lix`)."""

    path: str
    lang: str
    channel: str
    words: int
    sentences: int
    # the headline readability formula published for the language ("LIX", "Flesch–Kincaid
    # grade", "Flesch reading ease (Amstad)") and its figure
    readability_metric: str | None
    readability: float | None
    grade: float | None  # Flesch–Kincaid grade (English)
    reading_ease: float | None  # Flesch reading ease, with the language's published constants
    lix: float | None  # LIX (Norwegian, Swedish, Danish)
    syllables_per_word: float | None
    mean_sentence_length: float
    max_sentence_length: int
    passive_share: float | None  # share of sentences with a passive construction
    exclamations_per_100_words: float
    emoji: int
    you_we_ratio: float | None  # "you" words per "we" word; None when there is no "we"
    contractions_share: float | None  # contracted / (contracted + spelled-out contractible)
    formality: float | None  # Heylighen–Dewaele F-score (0 chatty … 100 formal)
    reasons: dict[str, str] = field(default_factory=dict)
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
    lang = language(document.lang)
    views = [v for v in ctx.views if is_prose(v.block)]
    sentences = [s for v in views for s in v.sentences if word_count(s)]
    lengths = [word_count(s) for s in sentences]
    words = document_words(views)  # = sum(lengths): a block's sentences cover its tokens
    text = "\n".join(v.text for v in views)
    # the readability rule's document figure: the same text, the same function
    scored = document_text(ctx.views)
    scores = measure(scored, lang)
    headline = scores.headline
    reasons: dict[str, str] = {}
    if headline is None:
        reasons["readability"] = scores.reason
    syllables = syllables_per_word(scored, lang)
    if syllables is None:
        reasons["syllables_per_word"] = syllable_reason(lang) or "no words to measure"
    english = lang == "en"
    passive: float | None = None
    if passive_reason(lang):
        reasons["passive_share"] = passive_reason(lang)
    elif not sentences:
        reasons["passive_share"] = "no sentences to measure"
    else:
        found = sum(passive_sentences(v.doc, v.sentences, ctx.trained) for v in views)
        passive = round(found / len(sentences), 2)
    you_we: float | None = None
    contractions: float | None = None
    if english:
        lowers = [t.lower_ for v in views for t in v.doc]
        you = sum(1 for w in lowers if w in _YOU)
        we = sum(1 for w in lowers if w in _WE)
        if we:
            you_we = round(you / we, 2)
        else:
            reasons["you_we_ratio"] = "no “we” words to compare with"
        contracted, expanded = _contractions(text)
        if contracted + expanded:
            contractions = round(contracted / (contracted + expanded), 2)
        else:
            reasons["contractions_share"] = "no contractions, contracted or spelled out"
    else:
        english_only = f"English word lists only, none for {language_name(lang)}"
        reasons["you_we_ratio"] = reasons["contractions_share"] = english_only
    tone: float | None = None
    if formality_reason(lang):
        reasons["formality"] = formality_reason(lang)
    else:
        tone = formality([v.doc for v in views], ctx.trained)
    return VoiceMetrics(
        path=document.path,
        lang=lang,
        channel=document.channel or "",
        words=words,
        sentences=len(sentences),
        readability_metric=headline[0].name if headline else None,
        readability=headline[1] if headline else None,
        grade=scores.grade,
        reading_ease=scores.ease,
        lix=scores.lix,
        syllables_per_word=syllables,
        mean_sentence_length=round(words / len(sentences), 1) if sentences else 0.0,
        max_sentence_length=max(lengths, default=0),
        passive_share=passive,
        exclamations_per_100_words=round(100 * text.count("!") / words, 1) if words else 0.0,
        emoji=sum(len(emoji_spans(v.text)) for v in ctx.views),
        you_we_ratio=you_we,
        contractions_share=contractions,
        formality=tone,
        reasons=reasons,
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
