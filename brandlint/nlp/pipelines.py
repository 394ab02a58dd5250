"""One spaCy pipeline per language: tokenizer, sentences and lemmas, with no model download.

The default is `spacy.blank(lang)` plus a sentencizer. Every pipeline's lower-case form
(spaCy's LOWER, computed once per lexeme, never per token) is the folded form of
`brandlint.text_case.fold`: NFC, without invisible format characters, fully case-folded
with the language's own i's. Patterns are tokenized by the same pipeline, so a guide's
terms and the copy always fold alike.

Lemmas come from simplemma's dictionaries for Hungarian and Norwegian, and from
spacy-lookups-data where it has a table for the language (en, de, fr, es, …; not yo or
az), applied to the folded form: spaCy's lookup lemmatizer is case-sensitive, so
"Leveraging" at the start of a sentence would otherwise escape a rule about "leverage".
Suppletive entries (best → well, is → be) are dropped: a brand rule about "best" must not
flag "well". A word's lemma is looked up once per process and then read from a cache.

A trained pipeline is used only when the guide names one for the language and it is
installed (a package, or a pipeline folder saved with `nlp.to_disk`); it then brings its
tags, parse and sentence boundaries, and its lemmatizer if it has one (else the lemmas
above).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brandlint.nlp.morphology import Morphology, morphology_for
from brandlint.text_case import fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_ALIASES = {"no": "nb", "nob": "nb", "eng": "en", "hun": "hu", "aze": "az", "yor": "yo"}
_STEM = 3


def normalize_lang(code: str | None) -> str | None:
    """`en-US` → `en`, `no` → `nb`; None stays None."""
    if not code:
        return None
    primary = str(code).strip().replace("_", "-").split("-")[0].lower()
    return _ALIASES.get(primary, primary) or None


@dataclass
class LangPipeline:
    """A ready pipeline for one language and what it can do."""

    lang: str
    requested: str
    nlp: Language
    # folded form's hash → lemma's hash: a whole lookup table, or a cache that `lemma_of`
    # fills as words come (simplemma)
    lemma_hashes: dict[int, int] | None = None
    trained: bool = False
    problem: str = ""
    lemma_of: Callable[[str], str] | None = None
    morphology: Morphology | None = None

    @property
    def own_lemmas(self) -> bool:
        """The pipeline lemmatizes by itself (a trained pipeline with a lemmatizer)."""
        return self.trained and self.nlp.has_pipe("lemmatizer")

    @property
    def has_lemmas(self) -> bool:
        return self.own_lemmas or self.lemma_hashes is not None

    def process(self, texts: Iterable[str]) -> list[Doc]:
        docs = list(self.nlp.pipe(texts))
        if self.lemma_hashes is not None:
            self._lemmatize(docs)
        return docs

    def make(self, text: str, *, lemmas: bool = False) -> Doc:
        """Tokenize a pattern the way copy is tokenized (lemmatized when asked)."""
        if lemmas and self.own_lemmas:
            return self.nlp(text)
        doc = self.nlp.make_doc(text)
        if lemmas and self.lemma_hashes is not None:
            self._lemmatize([doc])
        return doc

    def _lemmatize(self, docs: list[Doc]) -> None:
        """Lemmas for the docs of a document: one dict lookup per token (numpy's unique
        costs more on the short blocks copy is made of); a word the table has not seen is
        looked up once."""
        import numpy
        from spacy.attrs import LEMMA, LOWER

        table = self.lemma_hashes
        if table is None:
            return
        words: list[list[int]] = [
            doc.to_array([LOWER]).reshape(-1).tolist()  # type: ignore[misc]
            for doc in docs
        ]
        if self.lemma_of is not None:
            for lower in set().union(*words).difference(table):
                self._learn(table, lower, self.lemma_of)
        get = table.get
        for doc, lowers in zip(docs, words, strict=True):
            if lowers:
                lemmas = numpy.fromiter((get(h, h) for h in lowers), "uint64", len(lowers))
                doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]

    def _learn(self, table: dict[int, int], lower: int, lemma_of: Callable[[str], str]) -> None:
        strings = self.nlp.vocab.strings
        form = strings[lower]
        lemma = fold(lemma_of(form), self.requested) if form.isalpha() else form
        # a different first three letters is suppletion (volt → van): not the same word
        table[lower] = strings.add(lemma) if lemma[:_STEM] == form[:_STEM] else lower


@dataclass
class Pipelines:
    """Owns the pipelines of one process; thread-safe, each (language, trained pipeline)
    built once, so guides that name different pipelines share one cache."""

    _cache: dict[tuple[str, str], LangPipeline] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, lang: str | None, trained: str = "") -> LangPipeline:
        """The pipeline for `lang`: the trained one named (a package or a folder) when it
        can be loaded, else the blank one with a `problem` saying why."""
        code = normalize_lang(lang) or "en"
        with self._lock:
            key = (code, trained)
            if key not in self._cache:
                self._cache[key] = self._build(code, trained)
            return self._cache[key]

    def _build(self, code: str, name: str) -> LangPipeline:
        import spacy

        problem = ""
        if name and (spacy.util.is_package(name) or Path(name).is_dir()):
            try:
                return _trained(code, spacy.load(name))
            except Exception as exc:  # a broken or incompatible pipeline: say so, lint on
                problem = (
                    f"trained pipeline {name!r} could not be loaded ({exc}); "
                    f"using the blank {code} pipeline"
                )
        elif name:
            problem = f"trained pipeline {name!r} is not installed; using the blank {code} pipeline"
        try:
            nlp = spacy.blank(code)
            used = code
        except Exception:  # spaCy raises ImportError or its own error for unknown codes
            nlp = spacy.blank("xx")
            used = "xx"
            problem = (
                f"spaCy has no tokenizer for language {code!r}; using the multi-language tokenizer"
            )
        _split_hyphenated_compounds(nlp)
        nlp.add_pipe("sentencizer")
        return _with_lemmas(LangPipeline(used, code, nlp, problem=problem), own=False)


def _trained(code: str, nlp: Language) -> LangPipeline:
    if not any(nlp.has_pipe(name) for name in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    # without its own lemmatizer, lemmas come from the tables as on the blank path
    return _with_lemmas(LangPipeline(code, code, nlp, trained=True), own=nlp.has_pipe("lemmatizer"))


def _with_lemmas(pipeline: LangPipeline, *, own: bool) -> LangPipeline:
    """Fold the pipeline's lexemes, give it its language's morphology and, unless it
    lemmatizes by itself, its lemmas: simplemma's for hu and nb, else the lookup table."""
    _fold_lexemes(pipeline.nlp, pipeline.requested, norms=not pipeline.trained)
    pipeline.morphology = morphology_for(pipeline.requested)
    if own:
        return pipeline
    dictionary = pipeline.morphology.dictionary if pipeline.morphology else None
    if dictionary is not None:
        pipeline.lemma_hashes = {}
        pipeline.lemma_of = dictionary.lemma
    else:
        pipeline.lemma_hashes = _lemma_hashes(pipeline.nlp, pipeline.lang)
    return pipeline


def _fold_lexemes(nlp: Language, lang: str, *, norms: bool) -> None:
    """LOWER becomes the folded form, computed by spaCy once per lexeme: for new lexemes
    through the vocab's getter, for those the vocab already holds here.

    With `norms` (a blank pipeline, which no model reads NORM from), NORM is the folded
    form too, and tokenizer exceptions lose their own norms (isn't → is + n't with NORM
    "not"), so the phrase index's WORD matcher can read NORM with no work per document."""
    from spacy.attrs import LOWER, NORM, ORTH

    def folded(text: str) -> str:
        return fold(text, lang)

    getters: dict[int, Callable[[str], object]] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    getters[LOWER] = folded
    if norms:
        getters[NORM] = folded
        tokenizer = nlp.tokenizer
        tokenizer.rules = {  # type: ignore[union-attr]
            text: [{ORTH: token[ORTH]} for token in tokens]
            for text, tokens in (tokenizer.rules or {}).items()  # type: ignore[union-attr]
        }
    for lexeme in nlp.vocab:
        text = lexeme.orth_
        if not text.isascii() or lang in ("tr", "az"):
            lexeme.lower_ = folded(text)
        if norms:
            lexeme.norm_ = lexeme.lower_


# A hyphen between two letters: "omnikanal-tilnærming", "Omni-channel-strategi".
_HYPHEN_INFIX = r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])"


def _split_hyphenated_compounds(nlp: Language) -> None:
    """Split hyphenated compounds in every language, as spaCy's English tokenizer does.

    Hungarian and Norwegian keep "Omni-channel-strategi" as one token, which hides a brand
    term inside it and makes the same term tokenize differently per language. Hyphens next
    to digits ("2020-ban") are left alone.
    """
    from spacy.util import compile_infix_regex

    infixes = [*list(nlp.Defaults.infixes or []), _HYPHEN_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def _lemma_hashes(nlp: Language, code: str) -> dict[int, int] | None:
    """lower-form hash → lemma hash from spacy-lookups-data, or None without a table."""
    from spacy.util import load_language_data, registry

    try:
        raw = dict(load_language_data(registry.lookups.get(code)["lemma_lookup"]))
    except Exception:  # no package, or no table for this language: exact forms only
        return None
    strings = nlp.vocab.strings
    hashes: dict[int, int] = {}
    for form, lemma in raw.items():
        if not isinstance(form, str) or not isinstance(lemma, str):
            continue
        lower, lemma_lower = fold(form, code), fold(lemma, code)
        if lower != lemma_lower and lower[:_STEM] == lemma_lower[:_STEM]:
            hashes[strings.add(lower)] = strings.add(lemma_lower)
    return hashes
