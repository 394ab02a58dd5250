"""Morphology per language: how a guide's term appears inflected in copy, and how a fix
puts the same ending on the replacement.

One module per language (`hu`, `nb`, `az`) describes the endings a noun — a brand name
above all — takes, built for any stem with its vowel harmony and assimilation. Dictionary
words also get their lemmas from simplemma's dictionaries (`Dictionary`), where the
language has one. The interface is small:

- `analyze(word, stem)`: is `word` the `stem` plus an ending (or, with `compounds`, a
  closed compound holding it)? Gives the `Inflection`, or None;
- `inflect(stem, inflection)`: `stem` with the same ending, or None when it cannot be
  built with certainty (the fix is then only suggested, never applied);
- `lemma(word)`, `known(word)`: the dictionary's view.

Words reach this module folded (`brandlint.text_case.fold`). English is not here: its
inflections come from lemma tables and `brandlint.inflect`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

SEPARATORS = "-'’\u2010\u2011"
_SEP_KEY = {"’": "'", "\u2010": "-", "\u2011": "-"}


@dataclass(frozen=True)
class Inflection:
    """How a word of the copy is built on a term: `prefix` + stem + `sep` + `suffix`.

    `sep` is a hyphen or apostrophe written between stem and ending ("Kestrel-lel",
    "Kestrel'in"); `suffix` the ending (folded); `tags` what it means (("PL", "DAT")), so
    it can be built again on another stem. In a closed compound (`compound`), `prefix` is
    the part before the term and `suffix` the part after it.
    """

    suffix: str = ""
    tags: tuple[str, ...] = ()
    sep: str = ""
    prefix: str = ""
    compound: bool = False


class Dictionary:
    """A language's words and lemmas from simplemma (its dictionaries ship in the wheel:
    no network). simplemma shares the loaded dictionaries across a process."""

    def __init__(self, lang: str) -> None:
        from simplemma.strategies import DictionaryLookupStrategy

        self.lang = lang
        self._lookup = DictionaryLookupStrategy()

    def lemma(self, word: str) -> str:
        """The word's lemma in the dictionary; a word it does not know is its own lemma
        (simplemma's affix rules guess too freely for a linter: kampanjere → kampanje)."""
        found = self._lookup.get_lemma(word, self.lang)
        return found.lower() if found else word

    def known(self, word: str) -> bool:
        return self._lookup.get_lemma(word, self.lang) is not None


class Morphology:
    """The endings of one language's nouns. Subclasses give `endings` and, where a fix can
    be built, `inflect`."""

    lang = ""
    # shorter stems ("AI", "Go") take endings only after a hyphen or apostrophe
    min_stem = 3
    # linking letters between the parts of a closed compound (Norwegian kundes-, kunde-)
    links: tuple[str, ...] = ("",)

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        self.dictionary = dictionary
        self._tables: dict[Any, dict[str, tuple[str, ...]]] = {}
        self._lock = threading.Lock()

    # -- what a language module describes -------------------------------------------------
    def endings(self, stem: str, sep: str) -> dict[str, tuple[str, ...]]:
        """Every ending of `stem` mapped to its tags, the preferred spelling of each tag
        sequence first. Attached endings (`sep` empty) are written from `stem_base`;
        after a hyphen or apostrophe (`sep`), from the separator."""
        return {}

    def endings_key(self, stem: str, sep: str) -> Any:
        """What `endings` depends on (harmony, last letters): stems alike share a table."""
        return (stem, sep)

    def stem_base(self, stem: str) -> str:
        """The part of `stem` every attached form keeps (Hungarian 'csatorna' →
        'csatorn': csatornának)."""
        return stem

    def stems_of(self, prefix: str) -> tuple[str, ...]:
        """Stems a word's first letters may stand for (Hungarian 'csatorná' → 'csatorna')."""
        return (prefix,)

    def inflect(self, stem: str, inflection: Inflection) -> str | None:
        """`stem` (a replacement as written) with `inflection`'s ending, or None."""
        return stem if not inflection.suffix and not inflection.prefix else None

    # -- the dictionary's view ------------------------------------------------------------
    def lemma(self, word: str) -> str:
        return self.dictionary.lemma(word) if self.dictionary else word

    def known(self, word: str) -> bool:
        return self.dictionary.known(word) if self.dictionary else False

    # -- analysis ------------------------------------------------------------------------------
    def analyze(self, word: str, stem: str, *, compounds: bool = False) -> Inflection | None:
        """`word` as `stem` + an ending, or as a closed compound holding `stem` when
        `compounds` allows; a word the dictionary knows as another word ('bankett' is not
        'bank' + ending) is not the term."""
        if word == stem or not stem:
            return None
        found = self.ending(word, stem)
        if found is not None and not self._plausible(word, stem):
            return None
        if found is None and compounds:
            found = self._compound(word, stem)
        return found

    def ending(self, word: str, stem: str) -> Inflection | None:
        """`word` as `stem` + an ending of the language, the dictionary not asked."""
        if len(word) > len(stem) + 1 and word.startswith(stem) and word[len(stem)] in SEPARATORS:
            sep = word[len(stem)]
            rest = word[len(stem) + 1 :]
            tags = self.table(stem, sep).get(rest)
            return Inflection(rest, tags, sep) if tags else None
        if len(stem) < self.min_stem:
            return None
        base = self.stem_base(stem)
        if not word.startswith(base):
            return None
        rest = word[len(base) :]
        tags = self.table(stem, "").get(rest)
        return Inflection(rest, tags) if tags else None

    def table(self, stem: str, sep: str) -> dict[str, tuple[str, ...]]:
        """`endings`, built once per kind of stem."""
        sep = _SEP_KEY.get(sep, sep)
        key = self.endings_key(stem, sep)
        table = self._tables.get(key)
        if table is None:
            table = self.endings(stem, sep)
            with self._lock:
                self._tables[key] = table
        return table

    def _plausible(self, word: str, stem: str) -> bool:
        """The dictionary's veto: a word it knows under another lemma is another word
        (Norwegian 'banket' is 'banke', not 'bank' + -et), unless that lemma is itself the
        stem plus an ending ('kertjeink')."""
        if self.dictionary is None or not self.known(word):
            return True
        lemma = self.lemma(word)
        if lemma in (stem, word):
            return True  # its lemma, or a form the dictionary lists as it stands
        return self.ending(lemma, stem) is not None

    def _compound(self, word: str, stem: str) -> Inflection | None:
        """The term opening a closed compound ('omnikanalstrategi'), or closing one with
        an ending ('kundekanalen'); the other part must be a word the dictionary knows."""
        if self.dictionary is None or len(stem) < self.min_stem:
            return None
        if word.startswith(stem):
            head = word[len(stem) :]
            heads = [head]
            if len(stem) > 1 and stem[-1] == stem[-2]:
                heads.append(stem[-1] + head)  # butikk + kjede → butikkjede
            for link in self.links:
                for part in heads:
                    if part.startswith(link) and self._word(part[len(link) :], shortest=4):
                        return Inflection(part, ("COMPOUND",), compound=True)
        base = self.stem_base(stem)
        at = word.find(base, 3)
        while at > 0:
            first, rest = word[:at], word[at + len(base) :]
            tags = () if rest == stem[len(base) :] else self.table(stem, "").get(rest)
            if tags is not None and self._first_part(first):
                return Inflection(rest, (*tags, "COMPOUND"), prefix=first, compound=True)
            at = word.find(base, at + 1)
        return None

    def _word(self, part: str, shortest: int = 3) -> bool:
        """A word the dictionary knows, as it stands or with an ending (kártyával)."""
        if len(part) < shortest:
            return False
        if self.known(part):
            return True
        for length in range(len(part) - 1, shortest - 1, -1):
            for stem in self.stems_of(part[:length]):
                if self.known(stem) and self.ending(part, stem) is not None:
                    return True
        return False

    def _first_part(self, part: str) -> bool:
        if self._word(part):
            return True
        return any(
            link and part.endswith(link) and self._word(part[: -len(link)]) for link in self.links
        )

    def rebuild(self, replacement: str, inflection: Inflection) -> str | None:
        """The replacement (one or more words, as written) with the ending the matched
        word had: the last word takes the ending, a compound gets its other part back."""
        if inflection.compound:
            if " " in replacement.strip():
                return None  # a phrase cannot join a closed compound
            if inflection.prefix:
                core = self.inflect(replacement, _without_compound(inflection))
                return None if core is None else inflection.prefix + core.lower()
            return replacement + inflection.suffix
        head, space, last = replacement.rpartition(" ")
        built = self.inflect(last, inflection)
        return None if built is None else head + space + built


def _without_compound(inflection: Inflection) -> Inflection:
    tags = tuple(t for t in inflection.tags if t != "COMPOUND")
    return Inflection(inflection.suffix, tags, inflection.sep)


def morphology_for(lang: str) -> Morphology | None:
    """The morphology of `lang`, or None where words are matched as written or through
    lemma tables alone (English, Yoruba, …)."""
    if lang == "hu":
        from brandlint.nlp.morphology.hu import Hungarian

        return Hungarian()
    if lang == "nb":
        from brandlint.nlp.morphology.nb import Norwegian

        return Norwegian()
    if lang == "az":
        from brandlint.nlp.morphology.az import Azerbaijani

        return Azerbaijani()
    return None
