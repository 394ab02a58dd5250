"""Term discovery: spellings of one term that a corpus mixes ("JavaScript", "Javascript";
"e-mail", "email"; "log in", "login"), found before anyone wrote a rule for them.

Words are read from each document's copy as the readers give it, so code, URLs in markup
and front matter never count; bare URLs, e-mail addresses and file names in running text
are skipped too. Two spellings belong together when they share a key: case folded,
diacritics removed, hyphens and spaces dropped (so a two-word phrase meets its joined and
hyphenated forms), and, in languages whose endings brandlint knows (Hungarian, Norwegian,
Azerbaijani), an inflected form joins its stem. Every spelling as written is a variant.

A capital that only opens a sentence or a heading is not a spelling: "The" first in a
sentence is the word "the", so ordinary words never form a cluster that way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from brandlint.core.document import Document
from brandlint.document.reader import UnreadableFile
from brandlint.nlp.morphology import Morphology, morphology_for
from brandlint.text_case import fold
from brandlint.workspace import Workspace

# a word: letters and digits, joined by inner hyphens or apostrophes ("e-mail", "don't")
_WORD = re.compile(r"[^\W_](?:[\w]|[-'’](?=[^\W_]))*")
# what is not prose even inside copy: links, addresses, file names, handles and tags
_NOT_PROSE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[\w./-]+\.(?:md|html?|js|ts|py|json|ya?ml)\b|[#@]\w+"
)
_SENTENCE_MARKS = ".!?:;…•"
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

    def spellings(self) -> Counter[str]:
        """The spellings of the term itself: its inflected forms are listed, but only
        the uninflected ones make it a cluster (else every noun of a language with
        endings would be one)."""
        return Counter({s: n for s, n in self.counts.items() if s not in self.inflected})


def _words(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, opens a sentence) for each word of a block's copy; words with an
    apostrophe (contractions, possessives) are grammar, not terms, and are left out."""
    masked = _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
    after = 0
    for found in _WORD.finditer(masked):
        word = found.group()
        gap = text[after : found.start()]
        opens = after == 0 or any(mark in gap for mark in _SENTENCE_MARKS)
        after = found.end()
        # one letter ("I", "a") is no term; an underscore marks an identifier
        if sum(c.isalpha() for c in word) > 1 and not any(c in word for c in "'’_"):
            yield found.start(), found.end(), opens


def _as_written(word: str, opens: bool, lower_seen: set[str]) -> str:
    """A sentence-opening capital undone when the word is written lower case elsewhere."""
    if opens and word[:1].isupper() and word[1:] == word[1:].lower():
        lowered = word[:1].lower() + word[1:]
        if lowered in lower_seen:
            return lowered
    return word


class Discovery:
    """Tallies spellings across documents, then clusters them (`clusters`)."""

    def __init__(self, guide_terms: Sequence[Sequence[str]] = ()) -> None:
        # each guide term or group: its spellings, the preferred first
        self._guide = {spelling_key(t): group for group in guide_terms for t in group}
        self._by_lang: dict[str, dict[str, _Tally]] = {}
        self._pending: list[tuple[str, str, bool, Location]] = []
        self._lower_seen: set[str] = set()
        self._stops: dict[str, frozenset[str]] = {}

    def add(self, document: Document) -> None:
        """Read one document's copy (its blocks: no code, no front matter)."""
        lang = (document.lang or "").split("-")[0].lower()
        stop_words = self._stop_words(lang)
        for block in document.blocks:
            if block.in_scope("meta"):
                continue  # front matter and <meta> tags: fields, not copy
            copy = document.block_text(block)
            base = block.start
            words = list(_words(copy))
            for n, (start, end, opens) in enumerate(words):
                word = copy[start:end]
                line = document.source_span(base + start, base + end).line
                where = Location(document.path, line)
                if not opens and word[:1].islower():
                    self._lower_seen.add(word)
                self._pending.append((lang, word, opens, where))
                # two words joined by one space: a compound's open spelling ("log in" to
                # "login"), unless the first is a function word ("in to", "may be")
                if n + 1 < len(words) and word.lower() not in stop_words:
                    after_start, after_end, _ = words[n + 1]
                    if copy[end:after_start] == " ":
                        phrase = copy[start:after_end]
                        if not opens and phrase[:1].islower():
                            self._lower_seen.add(phrase)
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
            written = _as_written(word, opens, self._lower_seen)
            tally = tallies.setdefault((lang, spelling_key(written, lang)), _Tally())
            tally.counts[written] += 1
            tally.first.setdefault(written, where)
        merged = _join_inflections(tallies)
        found = [c for c in (self._cluster(t) for t in merged.values()) if c]
        return sorted(found, key=lambda c: (-c.total, c.suggested))

    def _cluster(self, tally: _Tally) -> Cluster | None:
        if not _is_cluster(tally.spellings()):
            return None
        variants = sorted(tally.counts.items(), key=lambda vc: (-vc[1], vc[0]))
        group = self._guide.get(spelling_key(variants[0][0]))
        suggested = variants[0][0]
        if group:
            suggested = next((v for v in group if v in tally.counts), group[0])
        examples = tuple(tally.first[v] for v, _ in variants[:_EXAMPLES])
        return Cluster(
            tuple(Variant(v, c) for v, c in variants), suggested, examples, group is not None
        )


def _is_cluster(spellings: Counter[str]) -> bool:
    """Whether the spellings of one key are variants a guide should settle: two or more,
    not all of them open phrases, and not an ordinary word in capitals (a title-case
    heading, a licence in upper case: a word mostly written lower case is that word)."""
    if len(spellings) < 2 or all(" " in s for s in spellings):
        return False
    top = spellings.most_common(1)[0][0]
    if top.islower():
        shapes = {s for s in spellings if s == top or s.casefold() != top.casefold()}
        return len(shapes) >= 2
    return True


def _join_inflections(tallies: dict[tuple[str, str], _Tally]) -> dict[tuple[str, str], _Tally]:
    """Merge each inflected word's tally into its stem's, in languages with endings."""
    out = dict(tallies)
    morphologies: dict[str, Morphology | None] = {}
    for lang, key in sorted(tallies, key=lambda lk: len(lk[1]), reverse=True):
        morphology = morphologies.setdefault(lang, morphology_for(lang) if lang else None)
        if morphology is None or (lang, key) not in out:
            continue
        tally = out[(lang, key)]
        word = fold(tally.counts.most_common(1)[0][0], lang)
        stem = _stem_in(word, lang, key, out, morphology)
        if stem is None:
            continue
        into = out[(lang, stem)]
        into.inflected.update(s for s in tally.counts if s not in into.spellings())
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
) -> str | None:
    """The key of a shorter spelling in the corpus that `word` inflects, if any."""
    for length in range(len(key) - 1, 2, -1):
        stem = key[:length]
        if (lang, stem) not in tallies:
            continue
        spelled = fold(tallies[(lang, stem)].counts.most_common(1)[0][0], lang)
        if morphology.analyze(word, spelled) is not None:
            return stem
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
