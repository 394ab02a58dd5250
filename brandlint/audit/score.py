"""The brand-consistency score: 100 for copy with no alerts, falling with alert density.

For one document with E errors, W warnings and S suggestions in N words:

    penalty = (5·E + 2·W + 0.5·S) × 100 / max(N, 50)      (weighted alerts per 100 words)
    score   = 100 × exp(−penalty / 20)                     (rounded to one decimal)

A rule's score is its compliance: the share of audited documents with no alert from it
(100 when no document breaks it).

So one warning in a 200-word page scores 95.1, one error 88.2, and an error every 20 words
(penalty 25) about 28.7. The floor of 50 words keeps a two-word push title with one slip
from scoring zero. A channel's or the corpus's score is the mean of its documents' scores
weighted by their words (each document counts at least 50).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from brandlint.audit.records import DocumentScore
from brandlint.core.alerts import Level

WEIGHTS = {Level.ERROR: 5.0, Level.WARNING: 2.0, Level.SUGGESTION: 0.5}
MIN_WORDS = 50


def document_score(levels: Iterable[Level], words: int) -> float:
    """The score of a document with alerts of these levels in `words` words."""
    weighted = sum(WEIGHTS[level] for level in levels)
    penalty = weighted * 100 / max(words, MIN_WORDS)
    return round(100 * math.exp(-penalty / 20), 1)


def weighted_score(documents: Iterable[DocumentScore]) -> float | None:
    total = weight = 0.0
    for document in documents:
        w = max(document.words, MIN_WORDS)
        total += w * document.score
        weight += w
    return round(total / weight, 1) if weight else None


def compliance(documents_with_alerts: int, documents: int) -> float:
    """% of documents with no alert from a rule."""
    return round(100 * (1 - documents_with_alerts / documents), 1) if documents else 100.0
