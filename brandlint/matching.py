"""The shared phrase index: every literal phrase of every rule, matched in one pass.

Rules register phrases with an attribute: ORTH (exact case), LOWER (any case) or LEMMA (any
case and any inflection, where the language has lemmas). Each attribute is one spaCy
`PhraseMatcher`, a hash lookup per token, so 10,000 terms cost about what 10 do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from brandlint.core.rule import BlockView, Hit, Rule

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher

    from brandlint.nlp.pipelines import LangPipeline

ATTRS = ("ORTH", "LOWER", "LEMMA")


class PhraseIndex:
    """Phrases of all rules for one language."""

    def __init__(self, pipeline: LangPipeline) -> None:
        self.pipeline = pipeline
        self._matchers: dict[str, PhraseMatcher] = {}
        self._owners: dict[int, tuple[Rule, Any]] = {}
        self._next = 0

    def add(self, rule: Rule, payload: Any, phrases: Sequence[str], attr: str) -> None:
        """Register phrases; a hit on any of them reports `payload` to `rule`."""
        from spacy.matcher import PhraseMatcher

        if attr == "LEMMA" and not self.pipeline.has_lemmas:
            attr = "LOWER"
        phrases = [p for p in phrases if p.strip()]
        if not phrases:
            return
        matcher = self._matchers.get(attr)
        if matcher is None:
            matcher = self._matchers[attr] = PhraseMatcher(self.pipeline.nlp.vocab, attr=attr)
        key = f"p{self._next}"
        self._next += 1
        lemmas = attr == "LEMMA"
        docs = [self.pipeline.make(p, lemmas=lemmas) for p in phrases]
        matcher.add(key, docs)
        self._owners[self.pipeline.nlp.vocab.strings[key]] = (rule, payload)

    def search(self, views: Sequence[BlockView]) -> dict[int, list[Hit]]:
        """Hits per rule (keyed by `id(rule)`) across all blocks, in document order."""
        found: dict[int, list[Hit]] = defaultdict(list)
        for matcher in self._matchers.values():
            for view in views:
                base = view.block.start
                for match_id, start, end in matcher(view.doc):
                    rule, payload = self._owners[match_id]
                    span = view.doc[start:end]
                    found[id(rule)].append(
                        Hit(
                            view.index,
                            base + span.start_char,
                            base + span.end_char,
                            start,
                            end,
                            payload,
                        )
                    )
        for hits in found.values():
            hits.sort(key=lambda h: (h.start, -h.end))
        return found
