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

import sys
import threading
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandlint.nlp.chunks import tokenize_long
from brandlint.nlp.compact import CompactTable
from brandlint.nlp.morphology import Morphology, morphology_for
from brandlint.text_case import fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
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
    # folded form's hash → lemma's hash, a cache filled as words come
    lemma_hashes: dict[int, int] | None = None
    trained: bool = False
    problem: str = ""
    # a folded form → its folded lemma (itself when it has none); fills `lemma_hashes`
    lemma_of: Callable[[str], str] | None = None
    morphology: Morphology | None = None

    @property
    def own_lemmas(self) -> bool:
        """The pipeline lemmatizes by itself (a trained pipeline with a lemmatizer)."""
        return self.trained and self.nlp.has_pipe("lemmatizer")

    @property
    def has_lemmas(self) -> bool:
        return self.own_lemmas or self.lemma_hashes is not None

    def process(self, texts: Iterable[str], *, lemmas: bool = True) -> list[Doc]:
        """The docs of `texts`; with `lemmas` False (no rule will read them: see
        `PhraseIndex.reads_lemmas`) the blank pipeline's lemma lookups are left out."""
        docs = tokenize_long(texts, self.nlp)  # long copy in pieces, long runs opaque (chunks.py)
        if lemmas and self.lemma_hashes is not None:
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
        lemma = lemma_of(form)
        table[lower] = strings.add(lemma) if lemma != form else lower


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
        spacy = import_spacy()

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
            nlp = _blank(code, code)
            used = code
        except Exception:  # spaCy raises ImportError or its own error for unknown codes
            nlp = _blank("xx", code)
            used = "xx"
            problem = (
                f"spaCy has no tokenizer for language {code!r}; using the multi-language tokenizer"
            )
        _add_sentence_rules(nlp, code)
        return _with_lemmas(LangPipeline(used, code, nlp, problem=problem), own=False)


def import_spacy() -> types.ModuleType:
    """spaCy, without importing its command line.

    `spacy/__init__.py` imports `spacy.cli.info` for `spacy.info`, and with it the whole
    command line (typer, weasel, requests, httpx, jinja2): a third of a one-line check's
    wall time, for code a linter never runs. While spaCy imports, `spacy.cli` and
    `spacy.cli.info` are stand-ins whose `info` imports the real one when called; then the
    stand-ins are removed, so a later `import spacy.cli` gets the real package."""
    if "spacy" not in sys.modules:
        cli = types.ModuleType("spacy.cli")
        cli_info = types.ModuleType("spacy.cli.info")

        def info(*args: Any, **kwargs: Any) -> Any:
            from spacy.cli.info import info as real

            return real(*args, **kwargs)

        cli_info.info = info  # type: ignore[attr-defined]
        cli.info = cli_info  # type: ignore[attr-defined]
        stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
        for module_name, module in stand_ins.items():
            sys.modules.setdefault(module_name, module)
        try:
            import spacy
        finally:
            for module_name, module in stand_ins.items():
                if sys.modules.get(module_name) is module:
                    del sys.modules[module_name]
            imported = sys.modules.get("spacy")
            if imported is not None and getattr(imported, "cli", None) is cli:
                del imported.cli
    import spacy

    return spacy


def _blank(code: str, fold_lang: str) -> Language:
    """The blank pipeline for `code`, its lexemes folded in `fold_lang`.

    spaCy's own tokenizer is built once, with brandlint's infixes and exceptions from the
    start: each change to a built tokenizer reloads its special cases (about 1,300 for
    English), which cost more than the rest of the pipeline. Languages with a segmenter of
    their own (zh, ja, ko, th, vi) are built as `spacy.blank` builds them."""
    spacy = import_spacy()
    language = spacy.util.get_lang_class(code)
    if language.default_config["nlp"]["tokenizer"].get("@tokenizers") != "spacy.Tokenizer.v1":
        nlp = spacy.blank(code)
        _fold_lexemes(nlp, fold_lang, norms=True)
        return nlp

    def create_tokenizer(nlp: Language) -> Tokenizer:
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_prefix_regex, compile_suffix_regex

        _fold_getters(nlp, fold_lang, norms=True)
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=_without_norms(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(defaults.prefixes).search
            if defaults.prefixes
            else None,
            suffix_search=compile_suffix_regex(defaults.suffixes).search
            if defaults.suffixes
            else None,
            infix_finditer=_infix_finditer(nlp),
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    nlp = language(create_tokenizer=create_tokenizer)
    _fold_existing_lexemes(nlp, fold_lang, norms=True)
    return nlp


def _trained(code: str, nlp: Language) -> LangPipeline:
    if not any(nlp.has_pipe(name) for name in ("parser", "senter", "sentencizer")):
        _add_sentence_rules(nlp, code)
    _fold_lexemes(nlp, code, norms=False)
    # without its own lemmatizer, lemmas come from the tables as on the blank path
    return _with_lemmas(LangPipeline(code, code, nlp, trained=True), own=nlp.has_pipe("lemmatizer"))


def _add_sentence_rules(nlp: Language, code: str) -> None:
    """Sentence boundaries by brandlint's rules (`brandlint.nlp.sentences`), which know
    abbreviations, initials and ordinals that spaCy's sentencizer splits after."""
    from brandlint.nlp.sentences import NAME

    nlp.add_pipe(NAME, config={"lang": code})


def _with_lemmas(pipeline: LangPipeline, *, own: bool) -> LangPipeline:
    """Give the pipeline its language's morphology and, unless it lemmatizes by itself,
    its lemmas: simplemma's for hu and nb, else the lookup table."""
    pipeline.morphology = morphology_for(pipeline.requested)
    if own:
        return pipeline
    dictionary = pipeline.morphology.dictionary if pipeline.morphology else None
    if dictionary is not None:
        pipeline.lemma_hashes = {}
        pipeline.lemma_of = _dictionary_lemmas(dictionary.lemma, pipeline.requested)
        return pipeline
    table = _lemma_table(pipeline.lang)
    if table is not None:
        pipeline.lemma_hashes = {}
        pipeline.lemma_of = lambda form: table.get(form, form)
    return pipeline


def _dictionary_lemmas(lemma_of: Callable[[str], str], lang: str) -> Callable[[str], str]:
    """A dictionary's lemmas for folded forms, folded; a form whose lemma starts with other
    letters keeps itself."""

    def lemma(form: str) -> str:
        if not form.isalpha():
            return form
        found = fold(lemma_of(form), lang)
        # a different first three letters is suppletion (volt → van): not the same word
        return found if found[:_STEM] == form[:_STEM] else form

    return lemma


def _fold_lexemes(nlp: Language, lang: str, *, norms: bool) -> None:
    """LOWER becomes the folded form, computed by spaCy once per lexeme: for new lexemes
    through the vocab's getter, for those the vocab already holds here.

    With `norms` (a blank pipeline, which no model reads NORM from), NORM is the folded
    form too, and tokenizer exceptions lose their own norms (isn't → is + n't with NORM
    "not"), so the phrase index's WORD matcher can read NORM with no work per document.
    A blank pipeline splits hyphenated compounds too."""
    from spacy.tokenizer import Tokenizer

    _fold_getters(nlp, lang, norms=norms)
    tokenizer = nlp.tokenizer
    if norms and isinstance(tokenizer, Tokenizer):
        tokenizer.infix_finditer = _infix_finditer(nlp)
        tokenizer.rules = _without_norms(tokenizer.rules or {})
    _fold_existing_lexemes(nlp, lang, norms=norms)


def _fold_getters(nlp: Language, lang: str, *, norms: bool) -> None:
    """New lexemes get LOWER (and with `norms`, NORM) as the folded form."""
    from spacy.attrs import LOWER, NORM

    def folded(text: str) -> str:
        return fold(text, lang)

    getters: dict[int, Callable[[str], object]] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    getters[LOWER] = folded
    if norms:
        getters[NORM] = folded


def _fold_existing_lexemes(nlp: Language, lang: str, *, norms: bool) -> None:
    """Lexemes the vocab holds already, made before the folding getters were set."""
    for lexeme in nlp.vocab:
        text = lexeme.orth_
        if not text.isascii() or lang in ("tr", "az"):
            lexeme.lower_ = fold(text, lang)
        if norms:
            lexeme.norm_ = lexeme.lower_


def _without_norms(rules: dict[str, list[dict[int, str]]]) -> dict[str, list[dict[int, str]]]:
    """Tokenizer exceptions keeping only each token's text."""
    from spacy.attrs import ORTH

    return {text: [{ORTH: token[ORTH]} for token in tokens] for text, tokens in rules.items()}


# A hyphen between two letters: "omnikanal-tilnærming", "Omni-channel-strategi".
_HYPHEN_INFIX = r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])"


def _infix_finditer(nlp: Language) -> Callable[[str], Iterable[object]]:
    """The language's infixes plus a hyphen between two letters: hyphenated compounds split
    in every language, as spaCy's English tokenizer splits them.

    Hungarian and Norwegian keep "Omni-channel-strategi" as one token, which hides a brand
    term inside it and makes the same term tokenize differently per language. Hyphens next
    to digits ("2020-ban") are left alone.
    """
    from spacy.util import compile_infix_regex

    return compile_infix_regex([*list(nlp.Defaults.infixes or []), _HYPHEN_INFIX]).finditer


def _lemma_table(code: str) -> CompactTable | None:
    """Folded form → folded lemma from spacy-lookups-data, or None without a table. Forms
    enter the vocab's strings only when copy uses them: adding all 40,000 English pairs
    up front costs more than a one-line check's linting. The table is kept compact (as a
    dict it held 5.5 MB in every process, for a lemma looked up once per new word)."""
    from spacy.util import load_language_data, registry

    try:
        raw = load_language_data(registry.lookups.get(code)["lemma_lookup"])
    except Exception:  # no package, or no table for this language: exact forms only
        return None
    if not isinstance(raw, dict):  # a lookup table is an object of forms
        return None

    table: dict[str, str] = {}
    for form, lemma in raw.items():
        if not isinstance(form, str) or not isinstance(lemma, str):
            continue
        # lower-case ASCII folds to itself in every language: most of a table, skipped
        lower = form if form.isascii() and form.islower() else fold(form, code)
        lemma_lower = lemma if lemma.isascii() and lemma.islower() else fold(lemma, code)
        if lower != lemma_lower and lower[:_STEM] == lemma_lower[:_STEM]:
            table[lower] = lemma_lower
    del raw  # before the compact copy is made: the peak is one table, not three
    return CompactTable(table.items())
