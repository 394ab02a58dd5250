"""The shared phrase index: every literal phrase of every rule, matched in one pass.

Rules register phrases with an attribute:

- ORTH: as written (case kept), up to canonical equivalence and invisible characters;
- LOWER: in any case (the pipeline's folded form, `brandlint.text_case.fold`);
- LEMMA: in any case and any inflection: lemmas, and where the language has a morphology
  (`brandlint.nlp.morphology`) the term's own endings ("Kestrelnek", "Kestrel-lel");
- WORD: in any case with the language's endings but no other lemma (names: "Kestrel Go"
  must not match "Kestrel going", but "Kestrel Gónak" is the name).

Each attribute is one spaCy `PhraseMatcher`, a hash lookup per token, so 10,000 terms cost
about what 10 do. Inflected forms get their key before matching: a word is analysed once
per index (its result cached by the word's hash), and the keys go onto the doc's LEMMA and
NORM arrays through numpy, so nothing runs per token in Python.

Hits are whole words: a hit that starts or ends inside a word ("that is" in "that isn't",
which spaCy splits as "is" + "n't") is dropped, so a fix never writes "that'sn't".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from brandlint.core.rule import BlockView, Hit, Rule
from brandlint.nlp.morphology import Inflection, Morphology
from brandlint.text_case import canonical, fold, is_ignorable

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    from brandlint.nlp.pipelines import LangPipeline

ATTRS = ("ORTH", "LOWER", "LEMMA", "WORD")
# the spaCy attribute each channel's matcher reads (ORTH is LOWER plus a check per hit)
_READS = {"ORTH": "LOWER", "LOWER": "LOWER", "LEMMA": "LEMMA", "WORD": "NORM"}
# an ending written after a hyphen or an apostrophe: Kestrel-lel, Kestrel’t
_TAIL = re.compile(r"[-'’\u2010\u2011][^\W\d_]+")


@dataclass(frozen=True)
class Form:
    """How a hit's last word is inflected: the term's own letters are the copy's
    [stem_start, stem_end); `inflection` is how the rest is built, so `rebuild` can put it
    on a replacement. Without `inflection` the word is inflected (its lemma says so) in a
    way that cannot be built again: a fix is then only suggested."""

    stem_start: int
    stem_end: int
    inflection: Inflection | None
    morphology: Morphology | None
    stem: str = ""  # the term's last word, folded (its end may be changed: csatorná-)

    def rebuild(self, replacement: str) -> str | None:
        """The replacement with the same ending, or None when it cannot be built surely."""
        if self.inflection is None or self.morphology is None:
            return None
        return self.morphology.rebuild(replacement, self.inflection)


@dataclass(frozen=True)
class _Owner:
    """The rule a registered phrase reports to, and how its hits are read."""

    rule: Rule
    payload: Any
    channel: str
    exact: frozenset[tuple[str, ...]] | None  # ORTH: each phrase's tokens as written
    compounds: bool


class PhraseIndex:
    """Phrases of all rules for one language."""

    def __init__(self, pipeline: LangPipeline) -> None:
        self.pipeline = pipeline
        self.lang = pipeline.requested
        self.morphology = pipeline.morphology
        self._matchers: dict[str, PhraseMatcher] = {}
        self._owners: dict[int, _Owner] = {}
        self._next = 0
        self._stems: dict[str, bool] = {}  # folded stem → may it stand in a compound
        self._lengths: list[int] = []
        self._heads: set[str] = set()  # stems that may close a compound
        # a stem's key in the LEMMA array: the phrase's lemma ('bruker' the noun is keyed
        # 'bruke' when that is the lemma the pattern got)
        self._lemma_keys: dict[str, int] = {}
        # folded word → (NORM key, LEMMA key, how it is built), or None
        self._analyses: dict[int, tuple[int, int, Inflection] | None] = {}
        self._positive: Any = _no_words()  # the words that have an analysis, for numpy
        # whether a rule asked for a phrase by lemma or by word (an inflecting term): only
        # such hits read the tokens' lemmas, so without one the copy needs none
        self.reads_lemmas = False

    def add(
        self,
        rule: Rule,
        payload: Any,
        phrases: Sequence[str],
        attr: str,
        *,
        compounds: bool = False,
    ) -> None:
        """Register phrases; a hit on any of them reports `payload` to `rule`.
        `compounds`: a phrase's last word also matches inside a closed compound."""
        from spacy.matcher import PhraseMatcher

        channel = attr
        if channel == "LEMMA" and not self.pipeline.has_lemmas:
            channel = "WORD"
        if channel == "WORD" and self.morphology is None:
            channel = "LOWER"
        phrases = [p for p in phrases if p.strip()]
        if not phrases:
            return
        self.reads_lemmas = self.reads_lemmas or attr in ("LEMMA", "WORD")
        matcher = self._matchers.get(channel)
        if matcher is None:
            matcher = PhraseMatcher(self.pipeline.nlp.vocab, attr=_READS[channel])
            self._matchers[channel] = matcher
        key = f"p{self._next}"
        self._next += 1
        docs = [self._pattern(p, channel) for p in phrases]
        matcher.add(key, docs)
        exact = None
        if channel == "ORTH":
            exact = frozenset(tuple(canonical(t.text) for t in doc) for doc in docs)
        owner = _Owner(rule, payload, channel, exact, compounds)
        self._owners[self.pipeline.nlp.vocab.strings[key]] = owner
        if channel in ("LEMMA", "WORD") and self.morphology is not None:
            for doc in docs:
                self._stem(doc, channel, compounds)

    def _pattern(self, phrase: str, channel: str) -> Doc:
        if channel == "LEMMA":
            return self.pipeline.make(phrase, lemmas=True)
        doc = self.pipeline.make(phrase)
        if channel == "WORD":
            _set_norms(doc, None)
        return doc

    def _stem(self, doc: Doc, channel: str, compounds: bool) -> None:
        """Let the phrase's last word take endings."""
        if not len(doc):
            return
        last = doc[-1]
        stems = [last.lower_]
        if channel == "LEMMA" and last.lemma_:
            stems.append(last.lemma_)
            for stem in stems:
                self._lemma_keys.setdefault(stem, last.lemma)
        for stem in stems:
            if not stem.isalpha():
                continue
            self._stems[stem] = self._stems.get(stem, False) or compounds
            if compounds:
                self._heads.add(stem)
        self._lengths = sorted({len(s) for s in self._stems}, reverse=True)
        self._analyses.clear()
        self._positive = _no_words()

    def search(self, views: Sequence[BlockView]) -> dict[int, list[Hit]]:
        """Hits per rule (keyed by `id(rule)`) across all blocks, in document order."""
        found: dict[int, list[Hit]] = defaultdict(list)
        keyed = bool(self._stems) or ("WORD" in self._matchers and self.pipeline.trained)
        inflected = self._inflected(views) if keyed else {}
        for view in views:
            if not len(view.doc):
                continue
            analysed = inflected.get(view.index, {})
            for matcher in self._matchers.values():
                for match_id, start, end in matcher(view.doc):
                    owner = self._owners[match_id]
                    hit = self._hit(view, owner, start, end, analysed)
                    if hit is not None:
                        found[id(owner.rule)].append(hit)
        for hits in found.values():
            hits.sort(key=lambda h: (h.start, -h.end))
        return found

    # -- inflected forms ----------------------------------------------------------------------
    def _inflected(
        self, views: Sequence[BlockView]
    ) -> dict[int, dict[int, tuple[int, Inflection]]]:
        """Key each inflected form of a term by the term's stem, in the docs' NORM (WORD)
        and LEMMA arrays; the analyses found, by view and token index. New words are
        analysed once per index; the rest is numpy over the whole document at once."""
        import numpy
        from spacy.attrs import LOWER

        arrays = [view.doc.to_array([LOWER]).reshape(-1) for view in views]
        if not arrays:
            return {}
        analyses = self._analyses
        strings = self.pipeline.nlp.vocab.strings
        every = numpy.concatenate(arrays)
        for lower in set(every.tolist()).difference(analyses):
            analysis = analyses[lower] = self._analyze(strings[lower])
            if analysis is not None:
                self._positive = numpy.append(self._positive, numpy.uint64(lower))
        inflected = numpy.isin(every, self._positive) if len(self._positive) else None
        out = {}
        at = 0
        for view, lowers in zip(views, arrays, strict=True):
            if inflected is not None and inflected[at : at + len(lowers)].any():
                out[view.index] = self._key(view.doc, lowers)
            elif self.pipeline.trained and "WORD" in self._matchers:
                _set_norms(view.doc, lowers)  # a blank pipeline's NORM is folded already
            at += len(lowers)
        return out

    def _key(self, doc: Doc, lowers: Any) -> dict[int, tuple[int, Inflection]]:
        import numpy
        from spacy.attrs import LEMMA

        found = [self._analyses[lower] for lower in lowers.tolist()]
        norm_keys = numpy.asarray([a[0] if a else 0 for a in found], dtype="uint64")
        inflected = norm_keys != 0
        if "WORD" in self._matchers:
            _set_norms(doc, numpy.where(inflected, norm_keys, lowers))
        if "LEMMA" in self._matchers:
            lemma_keys = numpy.asarray([a[1] if a else 0 for a in found], dtype="uint64")
            lemmas = doc.to_array([LEMMA]).reshape(-1)
            merged = numpy.where(inflected, lemma_keys, lemmas)
            doc.from_array([LEMMA], merged.reshape(-1, 1))  # type: ignore[arg-type]
        return {i: (a[0], a[2]) for i, a in enumerate(found) if a is not None}

    def _analyze(self, word: str) -> tuple[int, int, Inflection] | None:
        """The longest registered stem `word` is built on, with how it is built."""
        morphology = self.morphology
        if morphology is None or len(word) < 4 or not word[0].isalpha():
            return None
        for length in self._lengths:
            if length > len(word):  # as long: a stem written otherwise (grønt: grønn + t)
                continue
            for stem in morphology.stems_of(word[:length]):
                compounds = self._stems.get(stem)
                if compounds is None:
                    continue
                found = morphology.analyze(word, stem, compounds=compounds)
                if found is not None:
                    return self._keyed(stem, found)
        for stem in self._heads:
            if morphology.stem_base(stem) in word[3:]:
                found = morphology.analyze(word, stem, compounds=True)
                if found is not None:
                    return self._keyed(stem, found)
        return None

    def _keyed(self, stem: str, found: Inflection) -> tuple[int, int, Inflection]:
        key = self.pipeline.nlp.vocab.strings.add(stem)
        return key, self._lemma_keys.get(stem, key), found

    # -- one hit -------------------------------------------------------------------------------
    def _hit(
        self,
        view: BlockView,
        owner: _Owner,
        start: int,
        end: int,
        analysed: dict[int, tuple[int, Inflection]],
    ) -> Hit | None:
        doc, text = view.doc, view.text
        exact = owner.exact
        if exact is not None and tuple(canonical(t.text) for t in doc[start:end]) not in exact:
            return None
        first, last = doc[start], doc[end - 1]
        begin, finish = first.idx, last.idx + len(last.text)
        words_end = finish
        form = None
        if owner.channel in ("LEMMA", "WORD") and self.morphology is not None:
            if any(i in analysed for i in range(start, end - 1)):
                return None  # only a phrase's last word takes an ending
            analysis = analysed.get(end - 1)
            if analysis is not None:
                if analysis[1].compound and not owner.compounds:
                    return None
                stem = self.pipeline.nlp.vocab.strings[analysis[0]]
                form = self._form(last.text, last.idx, stem, analysis[1])
            else:
                form, finish = self._attached(text, last.text, last.idx, finish)
                if form is None and owner.channel == "LEMMA" and _lemma_differs(doc, start, end):
                    form = Form(begin, finish, None, self.morphology)
        elif owner.channel == "LEMMA" and self.lang != "en" and _lemma_differs(doc, start, end):
            # inflected, by the lemma table, in a language whose endings brandlint cannot
            # build (English has `brandlint.inflect`): a fix is only suggested
            form = Form(begin, finish, None, None)
        begin, finish = _trim(text, begin, finish)
        if not _whole_word(text, begin, finish):
            return None
        token_end = end
        while finish > words_end and token_end < len(doc) and doc[token_end].idx < finish:
            token_end += 1  # an ending after a hyphen: its tokens are the hit's too
        base = view.block.start
        if form is not None:
            form = replace(form, stem_start=base + form.stem_start, stem_end=base + form.stem_end)
        return Hit(view.index, base + begin, base + finish, start, token_end, owner.payload, form)

    def _attached(self, text: str, word: str, at: int, finish: int) -> tuple[Form | None, int]:
        """An ending after a hyphen or apostrophe, which the tokenizer split off."""
        tail = _TAIL.match(text, finish)
        if tail is None or self.morphology is None:
            return None, finish
        stem = fold(word, self.lang)
        found = self.morphology.ending(stem + fold(tail.group(), self.lang), stem)
        if found is None:
            return None, finish
        return Form(at, finish, found, self.morphology, stem), tail.end()

    def _form(self, surface: str, at: int, stem: str, inflection: Inflection) -> Form:
        """Where the term's letters are in the word (the copy may hold invisible characters
        or decomposed letters that folding removed)."""
        folded = fold(surface, self.lang)
        head = len(inflection.prefix)
        if folded.startswith(stem, head):
            kept = head + len(stem)
        elif self.morphology is not None:
            kept = head + len(self.morphology.stem_base(stem))
        else:
            kept = len(folded)
        if len(folded) != len(surface):  # the copy's characters and the folded ones differ
            head, kept = (_surface_index(surface, n, self.lang) for n in (head, kept))
        return Form(at + head, at + kept, inflection, self.morphology, stem)


def _no_words() -> Any:
    import numpy

    return numpy.zeros(0, dtype="uint64")


def _set_norms(doc: Doc, norms: Any) -> None:
    """NORM := the given keys, or the folded form: tokenizer exceptions set their own
    norms (n't → not), which must not make "is not" match "isn't"."""
    from spacy.attrs import LOWER, NORM

    if norms is None:
        norms = doc.to_array([LOWER]).reshape(-1)
    doc.from_array([NORM], norms.reshape(-1, 1))


def _lemma_differs(doc: Doc, start: int, end: int) -> bool:
    return any(t.lemma != t.lower for t in doc[start:end])


def _surface_index(surface: str, folded_index: int, lang: str) -> int:
    """The index in `surface` where its first `folded_index` folded characters end."""
    for i in range(len(surface) + 1):
        if len(fold(surface[:i], lang)) >= folded_index:
            return i
    return len(surface)


def _trim(text: str, begin: int, finish: int) -> tuple[int, int]:
    """Leave invisible characters at a hit's edges out of it (an LRM before a name)."""
    while begin < finish and is_ignorable(text[begin]):
        begin += 1
    while finish > begin and is_ignorable(text[finish - 1]):
        finish -= 1
    return begin, finish


def _word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"


# characters that plainly part words: with one on each side a hit is whole at a glance
_PLAIN_BREAKS = frozenset(" \t\n.,;:!?()\"'")


def _whole_word(text: str, begin: int, finish: int) -> bool:
    """No letter, digit or mark joins the hit to the text around it (invisible characters
    between them do not separate)."""
    if (begin == 0 or text[begin - 1] in _PLAIN_BREAKS) and (
        finish == len(text) or text[finish] in _PLAIN_BREAKS
    ):
        return True  # the usual case, asked for every hit
    before = begin - 1
    while before >= 0 and is_ignorable(text[before]):
        before -= 1
    if before >= 0 and _word_char(text[before]):
        return False
    after = finish
    while after < len(text) and is_ignorable(text[after]):
        after += 1
    return not (after < len(text) and _word_char(text[after]))
