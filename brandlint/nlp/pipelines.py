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

import ast
import gc
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandlint.nlp.chunks import tokenize_long
from brandlint.nlp.compact import CompactTable
from brandlint.nlp.morphology import Morphology, morphology_for
from brandlint.nlp.table_cache import cached_table
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
    # the blank tokenizer's exceptions not loaded yet (`Exceptions`); None when all are
    exceptions: Exceptions | None = None

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
        if self.exceptions is not None and self.exceptions.waiting:
            texts = list(texts)
            self.exceptions.admit(texts)
        docs = tokenize_long(texts, self.nlp)  # long copy in pieces, long runs opaque (chunks.py)
        if lemmas and self.lemma_hashes is not None:
            self._lemmatize(docs)
        return docs

    def make(self, text: str, *, lemmas: bool = False) -> Doc:
        """Tokenize a pattern the way copy is tokenized (lemmatized when asked)."""
        if lemmas and self.own_lemmas:
            return self.nlp(text)
        if self.exceptions is not None:
            self.exceptions.admit([text])
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
                lemmas = numpy.fromiter(map(get, lowers, lowers), "uint64", len(lowers))
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
            nlp, exceptions = _blank(code, code)
            used = code
        except Exception:  # spaCy raises ImportError or its own error for unknown codes
            nlp, exceptions = _blank("xx", code)
            used = "xx"
            problem = (
                f"spaCy has no tokenizer for language {code!r}; using the multi-language tokenizer"
            )
        pipeline = LangPipeline(used, code, nlp, problem=problem, exceptions=exceptions)
        return _with_lemmas(pipeline, own=False)

    def complete(self) -> None:
        """Load every tokenizer exception still waiting (`Exceptions`): before workers fork
        for a run of many files, so that they share them instead of each loading its own,
        and while an editor's server is idle."""
        with self._lock:
            for pipeline in self._cache.values():
                if pipeline.exceptions is not None:
                    pipeline.exceptions.complete()
                    pipeline.exceptions = None


# spaCy's registries and module stand-ins are the process's: one first import or blank
# build at a time changes them (`import_spacy`, `_registry_unpopulated`)
_SPACY_LOCK = threading.RLock()


# Modules spaCy imports whose body does nothing but re-export names of other modules, most
# of them for work a blank pipeline never does: every trained component (spacy.pipeline,
# 60 ms of CPU in a one-line check), corpora, loggers and augmenters (spacy.training,
# 25 ms), every layer and optimizer (thinc.api, 30 ms), srsly's msgpack, pickle and YAML
# readers (25 ms). Imported deferred (`_deferred_module`). (thinc.shims qualifies too, and
# saves nothing.)
_DEFERRED = ("spacy.pipeline", "spacy.training", "thinc.api", "srsly")


def import_spacy() -> types.ModuleType:
    """spaCy, without importing its command line, and with the modules in `_DEFERRED`
    imported deferred: each name they export is imported from its own module on first use,
    so a trained pipeline, which uses them, finds them all.

    `spacy/__init__.py` imports `spacy.cli.info` for `spacy.info`, and with it the whole
    command line (typer, weasel, requests, httpx, jinja2): a third of a one-line check's
    wall time, for code a linter never runs. While spaCy imports, the modules in
    `_STAND_INS` are stand-ins whose functions import the real module when called; then the
    stand-ins are removed, so a later `import spacy.cli` gets the real package.

    What the import made (some 300,000 objects: modules, classes, pydantic schemas) lives
    as long as the process, so what is alive then is frozen out of the garbage collector's
    reach (`gc.freeze`): the first full collection after it walked them all, 25 ms of a
    one-line check. Objects freed by reference counting go as before.

    The first import holds `_SPACY_LOCK`: the stand-ins are the process's."""
    if "spacy" not in sys.modules:
        with _SPACY_LOCK:
            if "spacy" not in sys.modules:
                _first_import()
    import spacy

    return spacy


def _first_import() -> None:
    """`import spacy` with the stand-ins and deferred modules of `import_spacy`."""
    import importlib

    stand_ins = {
        name: _stand_in(name, functions)
        for name, functions in _STAND_INS.items()
        if name not in sys.modules
    }
    if "spacy.cli" in stand_ins and "spacy.cli.info" in stand_ins:
        stand_ins["spacy.cli"].info = stand_ins["spacy.cli.info"]  # type: ignore[attr-defined]
    deferred = [module for module in map(_deferred_module, _DEFERRED) if module is not None]
    sys.modules.update({module.__name__: module for module in deferred})
    sys.modules.update(stand_ins)
    try:
        importlib.import_module("spacy")
    except BaseException:  # as if never tried: the next import is a plain one
        for module in deferred:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]
        raise
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
            parent, _, attribute = name.rpartition(".")
            owner = sys.modules.get(parent)
            if owner is not None and vars(owner).get(attribute) is stand_in:
                delattr(owner, attribute)
    for module in deferred:  # bound to its package, as importing it would have
        parent, _, name = module.__name__.rpartition(".")
        if parent in sys.modules and name not in vars(sys.modules[parent]):
            setattr(sys.modules[parent], name, module)
    gc.freeze()


# Modules spaCy imports for a few functions a linter never calls, each with the functions
# its importers take from it: the command line (typer, weasel, requests, httpx, jinja2),
# for `spacy.info` (170 ms); training's initialisation (tqdm), for `Language.initialize`
# (25 ms).
_STAND_INS = {
    "spacy.cli": (),
    "spacy.cli.info": ("info",),
    "spacy.training.initialize": ("init_tok2vec", "init_vocab"),
}


def _stand_in(name: str, functions: tuple[str, ...]) -> types.ModuleType:
    """A stand-in for the module `name` while spaCy imports: each of `functions` imports the
    real module when it is called. Asked for anything else (another spaCy version may
    import more from it), the stand-in imports the real module at once, in its place."""
    import importlib

    stand_in = types.ModuleType(name)

    def real() -> types.ModuleType:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name)

    def delegate(function: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(real(), function)(*args, **kwargs)

        call.__name__ = call.__qualname__ = function
        return call

    def attribute(wanted: str) -> Any:
        if wanted.startswith("__"):  # `__path__` and the like, asked by the import system
            raise AttributeError(f"module {name!r} has no attribute {wanted!r}")
        return getattr(real(), wanted)

    for function in functions:
        setattr(stand_in, function, delegate(function))
    stand_in.__getattr__ = attribute  # type: ignore[method-assign]
    return stand_in


def _deferred_module(name: str) -> types.ModuleType | None:
    """The module `name` (not imported yet), registered nowhere, whose body runs only when
    needed; None when it is imported already or its body does more than re-export.

    Only a module (or package `__init__`) that does nothing but re-export names of its
    own package's modules (`from .tagger import Tagger`), with an `__all__` and a
    docstring, is deferred; that is read from its source, so each installed version is
    judged by its own file, and any other is imported as usual. `from spacy.pipeline import
    Tagger` then imports `spacy.pipeline.tagger` and returns its `Tagger`; a package's own
    modules are found as usual; any other name (`__all__`, for a `*` import) runs the real
    body first, once, into the same module."""
    import importlib
    import importlib.util

    top, _, rest = name.partition(".")
    found = None if name in sys.modules else importlib.util.find_spec(top)  # imports nothing
    if found is None or not found.submodule_search_locations:
        return None
    parts = rest.split(".") if rest else []
    base = Path(next(iter(found.submodule_search_locations)))
    init = base.joinpath(*parts, "__init__.py")
    package = init.is_file()
    path = init if package or not parts else base.joinpath(*parts[:-1], f"{parts[-1]}.py")
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    homes: dict[str, tuple[str, str | None]] = {}  # exported name → (its module, its name there)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            for alias in node.names:
                if alias.name == "*":
                    return None
                exported = alias.asname or alias.name
                if node.module:
                    homes[exported] = (node.module, alias.name)
                else:  # `from . import functions`: the module itself
                    homes[exported] = (alias.name, None)
        elif not (
            (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))  # docstring
            or (
                isinstance(node, ast.Assign)
                and [getattr(target, "id", "") for target in node.targets] == ["__all__"]
            )
        ):
            return None  # code with effects of its own: import it as usual
    if package:
        spec = importlib.util.spec_from_file_location(
            name, path, submodule_search_locations=[str(path.parent)]
        )
    else:
        spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    loader = spec.loader
    relative_to = name if package else name.rpartition(".")[0]
    lock = threading.Lock()

    def attribute(wanted: str) -> Any:
        home = homes.get(wanted)
        if home is None and wanted.startswith("__") and wanted != "__all__":
            # `hasattr(module, "__path__")` and the like: asked by imports, never exported
            raise AttributeError(f"module {name!r} has no attribute {wanted!r}")
        if home is None and package and importlib.util.find_spec(f"{name}.{wanted}"):
            home = (wanted, None)  # a module of the package
        if home is not None:
            source = importlib.import_module(f"{relative_to}.{home[0]}")
            value = source if home[1] is None else getattr(source, home[1])
        else:  # not re-exported by name: the real body, once
            with lock:
                if "__getattr__" in vars(module):
                    loader.exec_module(module)
                    del module.__getattr__
            value = getattr(module, wanted)
        setattr(module, wanted, value)
        return value

    module.__getattr__ = attribute  # type: ignore[method-assign]
    return module


@contextmanager
def _registry_unpopulated() -> Iterator[None]:
    """spaCy's registry left as it is while a blank pipeline is built.

    On its first use in a process, spaCy 3.8 fills its registry by importing every
    architecture, trained component and segmenting language it has (spacy.ml, thinc's
    layers, the Japanese, Chinese and Thai tokenizers; `spacy.registrations`), and each
    `Language` registers every trained component's factory (`spacy.pipeline.factories`):
    50 ms of CPU in a one-line check, for a tokenizer and brandlint's sentence rules, whose
    factory, tokenizer and vectors are given directly. So while the blank pipeline is
    built, the registry counts as filled and `register_factories` does nothing; afterwards
    both are as before, so the first trained pipeline or `add_pipe` of a spaCy component
    fills them.
    With another spaCy layout (an older or newer version), or once the registry is filled,
    nothing is changed."""
    with _SPACY_LOCK:
        registrations = sys.modules.get("spacy.registrations")
        factories = "spacy.pipeline.factories"
        if (
            getattr(registrations, "REGISTRY_POPULATED", True) is not False
            or factories in sys.modules
        ):
            yield
            return
        stand_in = types.ModuleType(factories)
        stand_in.register_factories = lambda: None  # type: ignore[attr-defined]
        sys.modules[factories] = stand_in
        registrations.REGISTRY_POPULATED = True  # type: ignore[union-attr]
        try:
            yield
        finally:
            registrations.REGISTRY_POPULATED = False  # type: ignore[union-attr]
            if sys.modules.get(factories) is stand_in:
                del sys.modules[factories]
            package = sys.modules.get("spacy.pipeline")
            # its dict, not getattr: a deferred package would import what it is asked for
            if package is not None and vars(package).get("factories") is stand_in:
                del package.factories


def _blank(code: str, fold_lang: str) -> tuple[Language, Exceptions | None]:
    """The blank pipeline for `code`, its lexemes folded in `fold_lang`, with the sentence
    rules of `fold_lang`, and its tokenizer's exceptions, which load as copy needs them
    (`Exceptions`).

    spaCy's own tokenizer is built once, with brandlint's infixes and exceptions from the
    start: each change to a built tokenizer reloads its special cases (about 1,300 for
    English), which cost more than the rest of the pipeline. Languages with a segmenter of
    their own (zh, ja, ko, th, vi) are built as `spacy.blank` builds them, which needs
    spaCy's registry filled."""
    spacy = import_spacy()
    language = spacy.util.get_lang_class(code)
    if language.default_config["nlp"]["tokenizer"].get("@tokenizers") != "spacy.Tokenizer.v1":
        nlp = spacy.blank(code)
        _fold_lexemes(nlp, fold_lang, norms=True)
        _add_sentence_rules(nlp, fold_lang)
        return nlp, None

    exceptions: list[Exceptions] = []

    def create_tokenizer(nlp: Language) -> Tokenizer:
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_prefix_regex, compile_suffix_regex

        _fold_getters(nlp, fold_lang, norms=True)
        defaults = nlp.Defaults
        tokenizer = Tokenizer(
            nlp.vocab,
            rules={},
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
        exceptions.append(Exceptions(tokenizer, _without_norms(defaults.tokenizer_exceptions)))
        return tokenizer

    with _registry_unpopulated():
        nlp = language(create_tokenizer=create_tokenizer, create_vectors=_vectors(language))
        _add_sentence_rules(nlp, fold_lang)
    _fold_existing_lexemes(nlp, fold_lang, norms=True)
    return nlp, exceptions[0]


class Exceptions:
    """A blank tokenizer's exceptions ("don't" → do + n't, "Mr.", ":)"), loaded into it
    as the copy it tokenizes needs them.

    Loading English's 1,347 costs about 40 ms of CPU (spaCy validates each and adds those
    holding punctuation to its special-case matcher), more than the whole lint of a
    one-line file. An exception can change the tokens of a text only where its string
    occurs in the text's tokens written one after the other: spaCy's special-case matcher
    matches token texts and ignores the space after a token, so ":))" splits "do:) )"
    differently from ":)" alone. Those are in the text with its spaces left out, and a
    text whose exceptions occurring there are loaded gets the very tokens the full set
    would give (exceptions holding a space are loaded from the start). Looking for them
    costs about 20 ns per exception and text plus 0.25 ns per exception and character;
    loading one costs about 30 µs. Past `SCAN` characters looked through (each look
    counted as `LOOK` more), which cost a fraction of loading them all, the rest are
    loaded at once."""

    SCAN = 40_000  # characters
    LOOK = 80  # characters a look costs beside its text's own

    def __init__(self, tokenizer: Tokenizer, rules: dict[str, list[dict[int, str]]]) -> None:
        self.tokenizer = tokenizer
        self.waiting = rules
        self.scanned = 0
        # one load at a time, and a key leaves `waiting` only once loaded: a text's
        # `admit` returns with all it needs loaded, whichever thread loaded it
        self._lock = threading.Lock()
        for key in [key for key in rules if " " in key]:
            tokenizer.add_special_case(key, rules.pop(key))

    def admit(self, texts: list[str]) -> None:
        """Load the exceptions occurring in `texts`, which are tokenized next."""
        if not self.waiting:
            return
        with self._lock:
            self._admit(texts)

    def _admit(self, texts: list[str]) -> None:
        waiting = self.waiting
        # no exception holds a NUL, so none is found across two texts
        joined = "\0".join(texts).replace(" ", "")
        self.scanned += len(joined) + self.LOOK
        if self.scanned > self.SCAN:
            self._complete()
            return
        found = [key for key in waiting if key in joined]
        for key in found:  # taken from `waiting` once loaded (see `__init__`)
            self.tokenizer.add_special_case(key, waiting[key])
            del waiting[key]

    def complete(self) -> None:
        """Load all that still wait, in one reload of the tokenizer's special cases."""
        with self._lock:
            self._complete()

    def _complete(self) -> None:
        if self.waiting:
            self.tokenizer.rules = {**(self.tokenizer.rules or {}), **self.waiting}
            self.waiting = {}


def _vectors(language: type[Language]) -> Callable[[Any], Any] | None:
    """The language's vectors factory when it is spaCy's default one, given directly so the
    registry need not be filled to find it (`_registry_unpopulated`); else None, and spaCy
    finds it."""
    try:
        from spacy.vectors import create_mode_vectors
    except ImportError:  # another spaCy version: its registry knows
        return None
    if language.default_config["nlp"].get("vectors") == {"@vectors": "spacy.Vectors.v1"}:
        return create_mode_vectors()  # type: ignore[no-any-return]
    return None


def _trained(code: str, nlp: Language) -> LangPipeline:
    if not any(nlp.has_pipe(name) for name in ("parser", "senter", "sentencizer")):
        _add_sentence_rules(nlp, code)
    _fold_lexemes(nlp, code, norms=False)
    # without its own lemmatizer, lemmas come from the tables as on the blank path
    return _with_lemmas(LangPipeline(code, code, nlp, trained=True), own=nlp.has_pipe("lemmatizer"))


def _add_sentence_rules(nlp: Language, code: str) -> None:
    """Sentence boundaries by brandlint's rules (`brandlint.nlp.sentences`), which know
    abbreviations, initials and ordinals that spaCy's sentencizer splits after. The config
    is written here, so spaCy's check of it (a pydantic model built for the factory) is
    skipped."""
    from brandlint.nlp.sentences import NAME

    nlp.add_pipe(NAME, config={"lang": code}, validate=False)


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
    source = _lemma_source(pipeline.lang)
    if source is not None:
        pipeline.lemma_hashes = {}
        pipeline.lemma_of = _TableLemmas(pipeline.lang, source)
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


def _lemma_source(code: str) -> object | None:
    """Where spacy-lookups-data keeps the lemma table of `code`, or None without a table:
    a look-up in its index, which reads no table."""
    from spacy.util import registry

    try:
        return registry.lookups.get(code)["lemma_lookup"]  # type: ignore[no-any-return]
    except Exception:  # no package, or no table for this language: exact forms only
        return None


class _TableLemmas:
    """A folded form's folded lemma from the table at `source`, read on the first look-up:
    reading and folding the 80,000 English pairs costs more than a one-line check's
    linting, and a guide whose rules never read lemmas never looks one up."""

    def __init__(self, code: str, source: object) -> None:
        self._code = code
        self._source = source
        self._table: CompactTable | None = None
        self._lock = threading.Lock()

    def __call__(self, form: str) -> str:
        table = self._table
        if table is None:
            with self._lock:
                if self._table is None:
                    self._table = _lemma_table(self._code, self._source)
                table = self._table
        return table.get(form, form)


def _lemma_table(code: str, source: object) -> CompactTable:
    """Folded form → folded lemma from spacy-lookups-data's table at `source`, kept in the
    user's cache once built (`brandlint.nlp.table_cache`). Forms enter the vocab's strings
    only when copy uses them: adding all 40,000 English pairs up front costs more than a
    one-line check's linting. The table is kept compact (as a dict it held 5.5 MB in every
    process, for a lemma looked up once per new word)."""
    if isinstance(source, Path):
        # the file spaCy's `load_language_data` reads: the path, else the path gzipped
        stored = source if source.exists() else source.with_suffix(f"{source.suffix}.gz")
        return cached_table(f"lemmas-{code}", stored, lambda: _lemma_pairs(code, source))
    return CompactTable(_lemma_pairs(code, source))


def _lemma_pairs(code: str, source: object) -> Iterable[tuple[str, str]]:
    """The folded pairs of the table at `source` whose form and lemma differ; none when the
    table cannot be read (exact forms only)."""
    from spacy.util import load_language_data

    try:
        raw = load_language_data(source)  # type: ignore[arg-type]
    except Exception:  # a damaged package: exact forms only
        raw = {}
    if not isinstance(raw, dict):  # a lookup table is an object of forms
        raw = {}

    table: dict[str, str] = {}
    for form, lemma in raw.items():
        if not isinstance(form, str) or not isinstance(lemma, str):
            continue
        # lower-case ASCII folds to itself in every language: most of a table, skipped
        lower = form if form.isascii() and form.islower() else fold(form, code)
        lemma_lower = lemma if lemma.isascii() and lemma.islower() else fold(lemma, code)
        if lower != lemma_lower and lower[:_STEM] == lemma_lower[:_STEM]:
            table[lower] = lemma_lower
    return table.items()
