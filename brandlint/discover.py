"""Term discovery: spellings of one term that a corpus mixes ("JavaScript", "Javascript";
"e-mail", "email"; "log in", "login"), found before anyone wrote a rule for them.

Words are read from each document's copy as the readers give it, so code, URLs in markup
and front matter never count; bare URLs, e-mail addresses and file names in running text
are skipped too. Two spellings belong together when they share a key: case folded,
diacritics removed, hyphens and spaces dropped (so a two-word phrase meets its joined and
hyphenated forms), and, in languages whose endings brandlint knows (Hungarian, Norwegian,
Azerbaijani), an inflected form joins its stem. Every spelling as written is a variant.

A capital that only opens a sentence, a heading or a plain-text line is not a spelling:
it takes the case the word has more often mid-sentence ("The" is "the", "React" stays
"React"), so ordinary words never form a cluster that way. Nor is a capital on a common
word of the language (by wordfreq): a title-case heading ("Bug Fixes"), German nouns and
the polite "Sie", a common word inside a name ("React Canary") leave the word what it
is, unless the word is capitalised on its own mid-sentence often enough to be a name
("written in Ruby"). Two words of the language (common, or in simplemma's dictionary)
that differ only in letters of its own alphabet are two words (Hungarian "meg" and
"még", German "wurden" and "würden"), while English "café" and "cafe" are one. A term
the guide names is always a cluster when spelled two ways.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from brandlint.core.document import NOT_PROSE, Document
from brandlint.document.reader import UnreadableFile
from brandlint.nlp.morphology import Dictionary, Morphology, morphology_for
from brandlint.text_case import capitalize, fold, lower
from brandlint.workspace import Workspace

# a word: letters and digits, joined by inner hyphens or apostrophes ("e-mail", "don't")
_WORD = re.compile(r"[^\W_](?:[\w]|[-'’](?=[^\W_]))*")
# what is not prose even inside copy: links, addresses, file names, handles and tags
_NOT_PROSE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[\w./-]+\.(?:md|html?|js|ts|py|json|ya?ml)\b|[#@]\w+"
)
_SENTENCE_MARKS = ".!?:;…•"
# the words of a spelling (`_WORD` joins its words with hyphens, a phrase with a space)
_PARTS = re.compile(r"[\s-]")
_EXAMPLES = 5  # locations shown per cluster: the first of each spelling


@dataclass(frozen=True)
class Variant:
    text: str
    count: int


@dataclass(frozen=True)
class Location:
    path: str
    line: int


@dataclass(frozen=True)
class Cluster:
    """Spellings of one term, most used first, with where each was first seen."""

    variants: tuple[Variant, ...]
    suggested: str
    examples: tuple[Location, ...]
    in_guide: bool = False

    @property
    def total(self) -> int:
        return sum(v.count for v in self.variants)

    def record(self) -> dict[str, Any]:
        return {
            "variants": [{"text": v.text, "count": v.count} for v in self.variants],
            "suggested": self.suggested,
            "examples": [{"path": e.path, "line": e.line} for e in self.examples],
            "in_guide": self.in_guide,
        }


def spelling_key(text: str, lang: str = "") -> str:
    """What spellings of one term share: folded case, no diacritics, no hyphens or spaces."""
    decomposed = unicodedata.normalize("NFKD", fold(text, lang))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@dataclass
class _Tally:
    """Occurrences per spelling under one key, and each spelling's first location."""

    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, Location] = field(default_factory=dict)
    inflected: set[str] = field(default_factory=set)  # spellings joined from a stem's forms
    # the stem as each inflected form writes it: "KESTREL" in "KESTREL-t"
    stems: Counter[str] = field(default_factory=Counter)

    def spellings(
        self, lang: str = "", unsure: Callable[[str], bool] | None = None
    ) -> Counter[str]:
        """The spellings of the term itself: its uninflected forms, and its stem as the
        inflected forms write it. Every inflected form is listed, but only how it spells
        the term makes a cluster ("Kestrelt", "kestrel-lel"), not its ending (else every
        noun of a language with endings would be one). A spelling that only ever opens
        a sentence (`unsure`) says nothing of its capital, so counts as lower case."""
        own: Counter[str] = Counter()
        for spelling, count in self.counts.items():
            if spelling not in self.inflected:
                own[
                    _uncapitalised(spelling, lang) if unsure and unsure(spelling) else spelling
                ] += count
        own.update(self.stems)
        return own


def _uncapitalised(word: str, lang: str) -> str:
    return lower(word[:1], lang) + word[1:]


def _words(text: str, *, endings: bool) -> Iterator[tuple[int, int, bool]]:
    """(start, end, opens a sentence) for each word of a block's copy. Words with an
    apostrophe are left out (English contractions and possessives are grammar, not
    terms), except where the language writes endings after one (`endings`: Azerbaijani
    "Kestrel'dən")."""
    masked = _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
    skipped = "_" if endings else "'’_"
    after = 0
    for found in _WORD.finditer(masked):
        word = found.group()
        gap = text[after : found.start()]
        opens = after == 0 or any(mark in gap for mark in _SENTENCE_MARKS)
        after = found.end()
        # one letter ("I", "a") is no term; an underscore marks an identifier
        if sum(c.isalpha() for c in word) > 1 and not any(c in word for c in skipped):
            yield found.start(), found.end(), opens


def _as_written(word: str, opens: bool, lang: str, mid: Counter[tuple[str, str]]) -> str:
    """A sentence-opening capital undone when the word is written lower case more often
    than capitalised mid-sentence ('The' is 'the'; 'React' stays 'React'), in the
    language's own case (Azerbaijani 'İnteqrasiya' opens 'inteqrasiya')."""
    if opens and word[:1].isupper() and word[1:] == word[1:].lower():
        lowered = _uncapitalised(word, lang)
        if mid[(lang, lowered)] > mid[(lang, word)]:
            return lowered
    return word


# a word at least this common in general text (once per million words: Zipf 3) is an
# ordinary word of the language, whose capitals and accents say which word it is
_COMMON_ZIPF = 3.0
# languages that write a name's endings after an apostrophe (Kestrel'dən)
_APOSTROPHE_ENDINGS = frozenset({"az", "tr"})
# a common word capitalised alone mid-sentence this often is a name ("Ruby", "Windows")
_NAMED = 2
# languages whose grammar capitalises nouns, so a capital mid-sentence names nothing
_NOUN_CAPITALS = frozenset({"de", "lb"})
# the words whose letters make a language's own alphabet
_ALPHABET_WORDS = 1000


class CommonWords:
    """The language's common words and own letters, from wordfreq's frequency lists, and
    its known words, from simplemma's dictionaries (both installed with brandlint: no
    network), loaded on the first question per language.
    A language wordfreq has no list for (Azerbaijani) has no common words: its spellings
    are only told apart by the sentence-opening rule."""

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}
        self._letters: dict[str, frozenset[str]] = {}
        self._common: dict[tuple[str, str], bool] = {}
        self._dictionaries: dict[str, Dictionary | None] = {}

    def _has_list(self, lang: str) -> bool:
        if lang not in self._known:
            import wordfreq

            self._known[lang] = lang in wordfreq.available_languages()
        return self._known[lang]

    def common(self, phrase: str, lang: str) -> bool:
        """Every word of `phrase` is a common word of `lang`."""
        if not lang or not self._has_list(lang):
            return False
        import wordfreq

        for word in _PARTS.split(phrase):
            key = (lang, word)
            if key not in self._common:
                self._common[key] = wordfreq.zipf_frequency(word, lang) >= _COMMON_ZIPF
            if not self._common[key]:
                return False
        return True

    def known(self, word: str, lang: str) -> bool:
        """A common word, or a form simplemma's dictionary of `lang` lists (Hungarian
        'árra', onto the price: rare, but a word, not 'arra' misspelt)."""
        if self.common(word, lang):
            return True
        if lang not in self._dictionaries:
            from simplemma.strategies.dictionaries.dictionary_factory import (
                SUPPORTED_LANGUAGES,
            )

            self._dictionaries[lang] = Dictionary(lang) if lang in SUPPORTED_LANGUAGES else None
        dictionary = self._dictionaries[lang]
        return dictionary is not None and dictionary.known(lower(word, lang))

    def letters(self, lang: str) -> frozenset[str]:
        """The letters beyond a–z that the language's commonest words are written with
        (Hungarian á é í ó ö ő ú ü ű; none in English, where 'café' is 'cafe' adorned)."""
        if lang not in self._letters:
            found: set[str] = set()
            if lang and self._has_list(lang):
                import wordfreq

                for word in wordfreq.top_n_list(lang, _ALPHABET_WORDS):
                    found.update(c for c in word if c.isalpha() and not c.isascii())
            self._letters[lang] = frozenset(found)
        return self._letters[lang]


def _alone(copy: str, words: Sequence[tuple[int, int, bool]], n: int) -> bool:
    """Word `n` is capitalised ('Ruby') and its neighbours across a space are not: a
    name on its own, not a word of a title-case phrase ('Hacker News', 'Bug Fixes')."""
    start, end, _ = words[n]
    if not copy[start].isupper() or not copy[start + 1 : end].islower():
        return False
    before = words[n - 1] if n else None
    after = words[n + 1] if n + 1 < len(words) else None
    if before and not copy[before[1] : start].strip() and copy[before[0]].isupper():
        return False
    return not (after and not copy[end : after[0]].strip() and copy[after[0]].isupper())


class Discovery:
    """Tallies spellings across documents, then clusters them (`clusters`)."""

    def __init__(self, guide_terms: Sequence[Sequence[str]] = ()) -> None:
        # each guide term or group: its spellings, the preferred first
        self._guide = {spelling_key(t): group for group in guide_terms for t in group}
        self._pending: list[tuple[str, str, bool, Location]] = []
        # how often each spelling is written mid-sentence, where its case is its own
        self._mid: Counter[tuple[str, str]] = Counter()
        # capitalised words used as names: mid-sentence in prose, no capital beside them
        self._named: Counter[tuple[str, str]] = Counter()
        self._stops: dict[str, frozenset[str]] = {}
        self._words = CommonWords()

    def add(self, document: Document) -> None:
        """Read one document's copy (its blocks: no code, no front matter)."""
        lang = (document.lang or "").split("-")[0].lower()
        stop_words = self._stop_words(lang)
        endings = lang in _APOSTROPHE_ENDINGS
        lines_open = document.format == "text"
        for block in document.blocks:
            if block.in_scope("meta"):
                continue  # front matter and <meta> tags: fields, not copy
            copy = document.block_text(block)
            base = block.start
            words = list(_words(copy, endings=endings))
            prose = not any(block.in_scope(scope) for scope in NOT_PROSE)
            line = 0
            for n, (start, end, opens) in enumerate(words):
                word = copy[start:end]
                previous, line = line, document.source_span(base + start, base + end).line
                # a plain-text line opens like a sentence: titles and list items there
                # have no full stop
                opens = opens or (lines_open and line != previous)
                where = Location(document.path, line)
                if not opens:
                    self._mid[(lang, word)] += 1
                    if prose and _alone(copy, words, n):
                        self._named[(lang, word)] += 1
                self._pending.append((lang, word, opens, where))
                # two words joined by one space: a compound's open spelling ("log in" to
                # "login"), unless the first is a function word ("in to", "may be")
                if n + 1 < len(words) and word.lower() not in stop_words:
                    after_start, after_end, _ = words[n + 1]
                    if copy[end:after_start] == " ":
                        phrase = copy[start:after_end]
                        if not opens:
                            self._mid[(lang, phrase)] += 1
                        self._pending.append((lang, phrase, opens, where))

    def _stop_words(self, lang: str) -> frozenset[str]:
        """spaCy's function words of `lang` (its language data only, no pipeline)."""
        if lang not in self._stops:
            import spacy.util

            try:
                words = spacy.util.get_lang_class(lang).Defaults.stop_words
            except ImportError:  # a language spaCy has no data for: every pair counts
                words = set()
            self._stops[lang] = frozenset(words)
        return self._stops[lang]

    def clusters(self) -> list[Cluster]:
        """Every key spelled more than one way, most occurrences first."""
        tallies: dict[tuple[str, str], _Tally] = {}
        for lang, word, opens, where in self._pending:
            written = _as_written(word, opens, lang, self._mid)
            tally = tallies.setdefault((lang, spelling_key(written, lang)), _Tally())
            tally.counts[written] += 1
            tally.first.setdefault(written, where)
        merged = _join_inflections(tallies, self._unsure)
        found = [c for c in (self._cluster(t, lang) for (lang, _), t in merged.items()) if c]
        return sorted(found, key=lambda c: (-c.total, c.suggested))

    def _unsure(self, lang: str, spelling: str) -> bool:
        """A capitalised spelling never written mid-sentence: only ever opening one, it
        may be the word in lower case ("Elfogadottság" as a heading's first word)."""
        return (
            spelling[:1].isupper()
            and spelling[1:] == spelling[1:].lower()
            and not self._mid[(lang, spelling)]
        )

    def _cluster(self, tally: _Tally, lang: str) -> Cluster | None:
        spellings = tally.spellings(lang, lambda s: self._unsure(lang, s))
        if len(spellings) < 2:
            return None
        variants = sorted(tally.counts.items(), key=lambda vc: (-vc[1], vc[0]))
        group = self._guide.get(spelling_key(variants[0][0]))
        if group is None and not self._is_cluster(spellings, lang):
            return None
        # the term's commonest spelling (its inflected forms count for the stem they
        # write): an inflected form is no spelling to adopt
        own = tally.spellings()
        written = [(s, n) for s, n in own.items() if s in tally.counts] or variants
        suggested = min(written, key=lambda sc: (-sc[1], sc[0]))[0]
        if group:
            suggested = next((v for v in group if v in tally.counts), group[0])
        examples = tuple(tally.first[v] for v, _ in variants[:_EXAMPLES])
        return Cluster(
            tuple(Variant(v, c) for v, c in variants), suggested, examples, group is not None
        )

    def _is_cluster(self, spellings: Counter[str], lang: str) -> bool:
        """Whether the spellings of one key are variants a guide should settle: not all
        of them open phrases, and two or more forms left once capitals on common words
        are undone, capitals on a word mostly written lower case are ignored (a licence
        in upper case), and distinct words ('meg', 'még') are told apart."""
        if all(" " in s for s in spellings):
            return False
        forms: Counter[str] = Counter()
        for spelling, count in spellings.items():
            forms[self._form(spelling, lang)] += count
        top = forms.most_common(1)[0][0]
        if top.islower():
            forms = Counter(
                {f: n for f, n in forms.items() if f == top or f.casefold() != top.casefold()}
            )
        ordered = sorted(forms)
        return any(
            not self._distinct_words(a, b, lang)
            for i, a in enumerate(ordered)
            for b in ordered[i + 1 :]
        )

    def _form(self, spelling: str, lang: str) -> str:
        """A common word capitalised ('Fixes', German 'Sie', 'Open Source') as that word,
        unless the corpus uses it as a name ('Ruby', alone mid-sentence, outside German);
        any other spelling as it stands."""
        lowered = lower(spelling, lang)
        if spelling == lowered:
            return spelling
        if lang not in _NOUN_CAPITALS and self._named[(lang, spelling)] >= _NAMED:
            return spelling
        parts = _PARTS.split(spelling)
        title_case = all(p == capitalize(lower(p, lang), lang) or p.islower() for p in parts)
        return lowered if title_case and self._words.common(lowered, lang) else spelling

    def _distinct_words(self, a: str, b: str, lang: str) -> bool:
        """Two words of the language that differ in letters of its own alphabet."""
        a_letters, b_letters = fold(a, lang), fold(b, lang)
        if len(a_letters) != len(b_letters) or a_letters == b_letters:
            return False
        own = self._words.letters(lang)
        for x, y in zip(a_letters, b_letters, strict=True):
            if x != y and not all(c.isalpha() and (c.isascii() or c in own) for c in (x, y)):
                return False  # a hyphen or space, or an accent the language does not write
        return self._words.known(a, lang) and self._words.known(b, lang)


def _join_inflections(
    tallies: dict[tuple[str, str], _Tally], unsure: Callable[[str, str], bool]
) -> dict[tuple[str, str], _Tally]:
    """Merge each inflected word's tally into its stem's, in languages with endings; an
    inflected form that only opens sentences (`unsure`) writes its stem in lower case,
    unless the stem is written so mid-sentence."""
    out = dict(tallies)
    morphologies: dict[str, Morphology | None] = {}
    for lang, key in sorted(tallies, key=lambda lk: len(lk[1]), reverse=True):
        morphology = morphologies.setdefault(lang, morphology_for(lang) if lang else None)
        if morphology is None or (lang, key) not in out:
            continue
        tally = out[(lang, key)]
        word = fold(tally.counts.most_common(1)[0][0], lang)
        found = _stem_in(word, lang, key, out, morphology)
        if found is None:
            continue
        stem, length = found
        into = out[(lang, stem)]
        into.inflected.update(tally.counts)
        spelled = fold(into.counts.most_common(1)[0][0], lang)
        for spelling, count in tally.counts.items():
            # the stem's case as written; a changed stem (csatorná-k) is morphology
            if fold(spelling[:length], lang) == spelled:
                stem_written = spelling[:length]
                if unsure(lang, spelling) and unsure(lang, stem_written):
                    stem_written = _uncapitalised(stem_written, lang)
                into.stems[stem_written] += count
        into.counts.update(tally.counts)
        for spelling, where in tally.first.items():
            into.first.setdefault(spelling, where)
        del out[(lang, key)]
    return out


def _stem_in(
    word: str,
    lang: str,
    key: str,
    tallies: dict[tuple[str, str], _Tally],
    morphology: Morphology,
) -> tuple[str, int] | None:
    """The key of a shorter spelling in the corpus that `word` inflects, and that
    spelling's length, if any."""
    for length in range(len(key) - 1, 2, -1):
        stem = key[:length]
        if (lang, stem) not in tallies:
            continue
        spelled = fold(tallies[(lang, stem)].counts.most_common(1)[0][0], lang)
        if morphology.analyze(word, spelled) is not None:
            return stem, len(spelled)
    return None


def guide_terms(rules: Iterable[Any]) -> list[tuple[str, ...]]:
    """The spellings a guide's term and consistency rules name, the preferred first."""
    groups: list[tuple[str, ...]] = []
    for rule in rules:
        opts = rule.opts
        if rule.kind == "term" and opts.use:
            groups.append((opts.use, *opts.instead_of))
        elif rule.kind == "consistency":
            groups.extend(tuple(group) for group in opts.groups)
            groups.extend((a, b) for a, b in (opts.either or {}).items())
    return groups


def discover(workspace: Workspace, paths: Sequence[str], on_skip: Any = None) -> list[Cluster]:
    """The clusters of variant spellings across the files under `paths`."""
    discovery: Discovery | None = None
    for path in workspace.files(paths, on_skip=on_skip):
        try:
            document = workspace.document(path)
        except UnreadableFile as exc:
            if on_skip is not None:
                on_skip(path, str(exc))
            continue
        if discovery is None:
            discovery = Discovery(guide_terms(workspace.linter_for(path).rules))
        discovery.add(document)
    return discovery.clusters() if discovery else []


def proposals(clusters: Sequence[Cluster]) -> str:
    """The clusters not yet in the guide as a guide fragment of consistency groups, each
    commented out with its counts and first place, for a person to review and keep."""
    lines = [
        "# Term variants found by `brandlint terms discover`. Uncomment the groups to keep",
        "# (a consistency group flags mixing its spellings in one piece), or turn one into",
        "# a term with `use:` to prefer a spelling. Most used first.",
        "consistency:",
    ]
    for cluster in clusters:
        if cluster.in_guide:
            continue
        counts = ", ".join(f"{v.text} ×{v.count}" for v in cluster.variants)
        first = cluster.examples[0]
        group = ", ".join(json.dumps(v.text, ensure_ascii=False) for v in cluster.variants)
        lines.append(f"  # {counts}; e.g. {first.path}:{first.line}")
        lines.append(f"  # - [{group}]")
    return "\n".join(lines) + "\n"
