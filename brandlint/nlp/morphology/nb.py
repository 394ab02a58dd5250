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

    def inflect(self, stem: str, inflection: Inflection) -> str | None:
        folded = stem.lower()
        if not folded[-1:].isalpha():
            return None
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
