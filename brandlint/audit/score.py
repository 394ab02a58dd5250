"""The audit's scores: the brand scores of `brandlint score` (`brandlint.scores`, one formula,
documented in docs/scores.md) per document, per channel and for the corpus, and the voice
scores against the guide's profile, with how they spread per channel.

A document is scored over the categories its applying rules guard; a channel and the
corpus apply the formula to their documents' words and issues together (`total_score`), so
a long page weighs more than a push title. Pieces with no words (stylesheets, images) have
no score and count in no total.

A rule's compliance, shown beside the scores, is the share of audited documents with no
alert from it (100 when no document breaks it).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from brandlint.audit.records import AuditedFile, DocumentScore, VoiceSpread
from brandlint.checks.voice_profile import VoiceProfile
from brandlint.core.document import Document
from brandlint.core.rule import LintContext
from brandlint.linter import Linter
from brandlint.scores import Scored, counted_issues, counted_score, total_score

BINS = 10  # the voice histogram's bins, 10 points each


def audited_parts(
    linter: Linter, document: Document, ctx: LintContext
) -> tuple[tuple[str, ...], int | None, int | None]:
    """What a worker records for the scores beyond the alerts: the categories of the rules
    that apply to `document`, and its voice score with the profile's minimum (None, None
    when no `voice` rule with a profile applies, or the document has no prose to score).
    `ctx` is the lint's context: the voice rule scored the document there already."""
    rules = linter.rules_for(document)
    categories = tuple(sorted({rule.category for rule in rules if rule.category}))
    # a guide has one `voice:` key, so one profile at most
    for rule in rules:
        if isinstance(rule, VoiceProfile) and (found := rule.score(ctx)) is not None:
            return categories, found.document.score, int(rule.opts.min_score)
    return categories, None, None


def document_score(result: AuditedFile) -> DocumentScore:
    """An audited piece's scores, from its words, categories and its alerts' tallies."""
    found = counted_issues((rule.level, rule.category, rule.alerts) for rule in result.tallies)
    return DocumentScore(
        path=result.path,
        channel=result.channel,
        lang=result.lang,
        words=result.words,
        scores=counted_score(result.path, result.words, result.categories, found),
        alerts=sum(rule.alerts for rule in result.tallies),
        voice=result.voice,
        voice_min=result.voice_min,
    )


def corpus_score(documents: Sequence[DocumentScore]) -> Scored | None:
    """The brand scores of a channel or the corpus (None when no document has a score)."""
    return total_score(d.scores for d in documents if d.scores is not None)


def lowest_first(document: DocumentScore) -> tuple[bool, float, str]:
    """Sort key: the lowest score first, unscored pieces last, then by path."""
    return (document.score is None, document.score or 0.0, document.path)


def voice_spread(documents: Sequence[DocumentScore]) -> VoiceSpread | None:
    """How the documents' voice scores spread (None when none has one)."""
    found = sorted(d.voice for d in documents if d.voice is not None)
    if not found:
        return None
    if len(found) > 1:
        q1, median, q3 = statistics.quantiles(found, n=4, method="inclusive")
    else:
        q1 = median = q3 = float(found[0])
    bins = [0] * BINS
    for score in found:
        bins[min(score * BINS // 100, BINS - 1)] += 1
    below = sum(
        1 for d in documents if d.voice is not None and d.voice_min and d.voice < d.voice_min
    )
    return VoiceSpread(
        documents=len(found),
        minimum=found[0],
        q1=round(q1, 1),
        median=round(median, 1),
        q3=round(q3, 1),
        maximum=found[-1],
        below=below,
        bins=tuple(bins),
    )


def compliance(documents_with_alerts: int, documents: int) -> float:
    """% of documents with no alert from a rule."""
    return round(100 * (1 - documents_with_alerts / documents), 1) if documents else 100.0
