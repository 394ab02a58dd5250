"""Norwegian Bokmål noun endings and closed compounds.

Dictionary words get their lemmas from simplemma's Bokmål dictionary; this grammar covers
names and new words no dictionary knows ("Kestrelen", "Kestrel-appen" is a hyphenated
compound the tokenizer already splits) and rebuilds an ending on a replacement.

Sources: Språkrådet, *Bøying av substantiv* and *Genitiv* (sprakradet.no, rules for
Bokmål); Faarlund, Lie and Vannebo, *Norsk referansegrammatikk* (Universitetsforlaget
1997), on nouns (definite -en/-et/-a, plural -er/-ene, genitive -s; compounds with the
linking -s- or -e-).

- definite singular -en (masculine), -et (neuter), -a (feminine); plural -er, definite
  plural -ene; a stem ending in -e drops its own e (tjeneste → tjenesten, tjenester);
- the genitive -s after any of these (Kestrelens, kanalenes);
- agent nouns in -er: brukere, brukerne; an m after a short vowel doubles (medlemmet);
- after a hyphen (abbreviations and names: KPay-en) the same endings.

Adjectives (Faarlund, Lie and Vannebo, on adjectives; Språkrådet, *Bøying av adjektiv*):
definite and plural -e (raske), neuter -t (raskt), comparative -ere, superlative -est and
its definite -este. A double consonant is single before the neuter -t (grønn → grønt); a
final vowel doubles it (ny → nytt); -ig, -lig and -isk adjectives take no neuter -t and
compare with -st (billigst); a stem ending in -t or -ert takes no second t (skybasert).
A word is read as an adjective when the dictionary lists its -e or neuter form under it, or
when it ends in an adjective suffix (-ig, -isk, -bar, -som, -løs, -ert, -iv): so the noun
"kanal" never takes "kanale".
"""

from __future__ import annotations

from brandlint.nlp.morphology import Dictionary, Inflection, Morphology

_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("en", ("DEF.SG",)),
    ("er", ("PL",)),
    ("ene", ("DEF.PL",)),
    ("et", ("DEF.SG.N",)),
    ("a", ("DEF.SG.F",)),
    ("s", ("GEN",)),
    ("ens", ("DEF.SG", "GEN")),
    ("ers", ("PL", "GEN")),
    ("enes", ("DEF.PL", "GEN")),
    ("ets", ("DEF.SG.N", "GEN")),
    ("as", ("DEF.SG.F", "GEN")),
)


_AGENT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("e", ("PL",)),
    ("ne", ("DEF.PL",)),
    ("es", ("PL", "GEN")),
    ("nes", ("DEF.PL", "GEN")),
)
_VOWELS = frozenset("aeiouyæøå")
# endings that make a word an adjective, whatever the dictionary knows of it
_ADJECTIVE_SUFFIXES = ("ig", "isk", "bar", "som", "løs", "ert", "iv")


class Norwegian(Morphology):
    lang = "nb"
    links = ("", "s", "e")

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        super().__init__(dictionary or Dictionary("nb"))

    def endings_key(self, stem: str, sep: str) -> object:
        return (stem[-3:], sep)

    def endings(self, stem: str, sep: str) -> dict[str, tuple[str, ...]]:
        if sep == "'":
            return {"s": ("GEN",)}  # Kestrel's: an English genitive, still the name
        out: dict[str, tuple[str, ...]] = {}
        for ending, tags in _ENDINGS:
            if stem.endswith("e") and not sep and ending.startswith("e"):
                ending = ending[1:]  # tjeneste + en → tjenesten
            if stem.endswith(("s", "x", "z")) and ending == "s":
                continue
            if ending:
                out.setdefault(ending, tags)
        if sep:
            return out
        if stem.endswith("er") and len(stem) > 4:
            # agent nouns: bruker → brukere, brukerne, brukeres, brukernes
            for ending, tags in _AGENT:
                out.setdefault(ending, tags)
        if stem.endswith("m") and stem[-2:-1] in _VOWELS:
            # a short vowel's m doubles before an ending: medlem → medlemmet, medlemmer
            for ending, tags in list(out.items()):
                if ending[0] in _VOWELS:
                    out.setdefault("m" + ending, tags)
        return out

    def stems_of(self, prefix: str) -> tuple[str, ...]:
        """A neuter adjective writes one consonant for its stem's two: "grønt" may be
        "grønn" + -t, as long as the stem itself."""
        if len(prefix) > 3 and prefix[-1] == "t" and prefix[-2] not in _VOWELS | {"t"}:
            return (prefix, prefix[:-1] + prefix[-2])
        return (prefix,)

    def ending(self, word: str, stem: str) -> Inflection | None:
        found = super().ending(word, stem)
        if found is not None or len(stem) < self.min_stem or not word.startswith(stem[:-1]):
            return found
        tags = self.adjective_forms(stem).get(word)
        return Inflection(word[len(stem) :], tags) if tags else None

    def adjective_forms(self, stem: str) -> dict[str, tuple[str, ...]]:
        """The inflected forms of `stem` as an adjective, by form; empty for a word that
        is not one (see the module's notes)."""
        if not stem.isalpha() or not self._adjective(stem):
            return {}
        if stem.endswith("e"):
            return {}  # moderne, stille: not inflected
        ig = stem.endswith(("ig", "isk"))
        single = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
        forms: dict[str, tuple[str, ...]] = {stem + "e": ("ADJ.E",)}
        if stem[-1] in _VOWELS:
            forms = {stem + "e": ("ADJ.E",), stem + "tt": ("ADJ.N",)}
        elif not ig and not stem.endswith("t"):
            forms[single + "t"] = ("ADJ.N",)
        if stem.endswith("ert"):
            return forms  # a participle compares with mer/mest, not with endings
        forms[stem + "ere"] = ("ADJ.CMP",)
        forms[stem + ("st" if ig else "est")] = ("ADJ.SUP",)
        forms[stem + ("ste" if ig else "este")] = ("ADJ.SUP.DEF",)
        return forms

    def _adjective(self, stem: str) -> bool:
        if stem.endswith(_ADJECTIVE_SUFFIXES):
            return True
        return any(
            self.known(form) and self.lemma(form) == stem for form in (stem + "e", stem + "ere")
        )

    def inflect(self, stem: str, inflection: Inflection) -> str | None:
        folded = stem.lower()
        if not folded[-1:].isalpha():
            return None
        if inflection.tags and inflection.tags[0].startswith("ADJ"):
            return self._inflect_adjective(stem, inflection.tags)
        table = self.table(folded, inflection.sep)
        tags = tuple(t for t in inflection.tags if t != "COMPOUND")
        endings = [e for e, t in table.items() if t == tags]
        if not endings:
            return None
        word = stem + inflection.sep + endings[0]
        if self.known(folded):  # a dictionary word: its gender must take this ending
            lower = word.lower()
            if not (self.known(lower) and self.lemma(lower) == folded):
                return None
        return word

    def _inflect_adjective(self, stem: str, tags: tuple[str, ...]) -> str | None:
        """`stem` as an adjective with `tags`; a dictionary word only in a form the
        dictionary lists under it (gradable or not, neuter -t or not is lexical)."""
        folded = stem.lower()
        built = [form for form, t in self.adjective_forms(folded).items() if t == tags]
        if not built:
            return None
        if self.known(folded) and not (self.known(built[0]) and self.lemma(built[0]) == folded):
            return None
        return stem + built[0][len(folded) :] if built[0].startswith(folded) else built[0]
