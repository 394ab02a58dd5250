"""Azerbaijani noun endings: plural, possessive, case and copula, with vowel harmony.

No lemmatizer or dictionary for Azerbaijani is packaged (simplemma and spaCy's lookups
have none; Debian has no Hunspell dictionary for it), so this grammar is all there is: a
term matches its inflected forms, written on (Omnikanalın, Kestreldə) or after an
apostrophe (Kestrel'in), and a fix builds the same ending on the replacement.

Sources: Claus Schönig, "Azerbaijanian", in Lars Johanson and Éva Á. Csató (eds.), *The
Turkic Languages* (Routledge 1998); Kurtuluş Öztopçu, *Elementary
Azerbaijani* (2nd ed., 2003), lessons on the plural, possessive and case suffixes.

- two-way harmony (A: a after a ı o u, ə after e ə i ö ü) and four-way harmony (I: ı after
  a ı, i after e ə i, u after o u, ü after ö ü), each suffix following the vowel before it;
- after a vowel the buffer consonants n (genitive, accusative), y (dative, -ylA) and s
  (third person possessive): kanalın but şirkətinin; after a third person possessive the
  cases take n: kanalında, kanalına;
- a final k or q of a word of more than one syllable becomes y or ğ before a vowel
  (çörək → çörəyi): such stems match both, and a fix onto them is only suggested.
"""

from __future__ import annotations

from brandlint.nlp.morphology import Inflection, Morphology

BACK = frozenset("aıou")
VOWELS = frozenset("aıoueəiöü")
_FOUR = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}

# plural and possessive: tag, after a vowel, after a consonant
_BASES = (
    ("", "", ""),
    ("PL", "lAr", "lAr"),
    ("POSS.1SG", "m", "Im"),
    ("POSS.2SG", "n", "In"),
    ("POSS.3SG", "sI", "I"),
    ("POSS.1PL", "mIz", "ImIz"),
    ("POSS.2PL", "nIz", "InIz"),
    ("POSS.3PL", "lArI", "lArI"),
    ("PL.POSS.1SG", "lArIm", "lArIm"),
    ("PL.POSS.2SG", "lArIn", "lArIn"),
    ("PL.POSS.1PL", "lArImIz", "lArImIz"),
    ("PL.POSS.2PL", "lArInIz", "lArInIz"),
)
# cases: tag, after a vowel, after a consonant, after a third person possessive
_CASES = (
    ("GEN", "nIn", "In", "nIn"),
    ("DAT", "yA", "A", "nA"),
    ("ACC", "nI", "I", "nI"),
    ("LOC", "dA", "dA", "ndA"),
    ("ABL", "dAn", "dAn", "ndAn"),
    ("INS", "ylA", "lA", "ylA"),
    ("LOC.KI", "dAkI", "dAkI", "ndAkI"),
    ("COP", "dIr", "dIr", "dIr"),
    ("LOC.COP", "dAdIr", "dAdIr", "ndAdIr"),
)
_THIRD = frozenset({"POSS.3SG", "POSS.3PL"})


def last_vowel(text: str) -> str:
    for char in reversed(text):
        if char in VOWELS:
            return char
    return ""


def _attach(text: str, template: str) -> str:
    """`text` + a suffix, each A and I taking the vowel before it."""
    out = text
    for char in template:
        if char == "A":
            char = "a" if (last_vowel(out) or "a") in BACK else "ə"
        elif char == "I":
            char = _FOUR.get(last_vowel(out) or "ı", "ı")
        out += char
    return out


def _softened(stem: str) -> str | None:
    """çörək → çörəy, yataq → yatağ: a final k/q of a longer word before a vowel."""
    if sum(1 for c in stem if c in VOWELS) < 2:
        return None
    if stem.endswith("k"):
        return stem[:-1] + "y"
    if stem.endswith("q"):
        return stem[:-1] + "ğ"
    return None


class Azerbaijani(Morphology):
    lang = "az"

    def stems_of(self, prefix: str) -> tuple[str, ...]:
        if prefix.endswith("y"):
            return (prefix, prefix[:-1] + "k")
        if prefix.endswith("ğ"):
            return (prefix, prefix[:-1] + "q")
        return (prefix,)

    def stem_base(self, stem: str) -> str:
        return stem[:-1] if _softened(stem) else stem

    def endings_key(self, stem: str, sep: str) -> object:
        return (last_vowel(stem), stem[-1:] in VOWELS, _softened(stem) is not None and not sep, sep)

    def endings(self, stem: str, sep: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        start = stem + sep if sep else stem
        cut = len(start) if sep else len(self.stem_base(stem))
        soft = None if sep else _softened(stem)
        vowel_final = stem[-1:] in VOWELS
        for tag, after_vowel, after_consonant in _BASES:
            template = after_vowel if vowel_final else after_consonant
            words = [_attach(start, template)]
            if soft and template[:1] in ("I", "A"):
                words.insert(0, _attach(soft, template))
            for word in words:
                if tag:
                    out.setdefault(word[cut:], (tag,))
                third = tag in _THIRD
                ends_vowel = word[-1:] in VOWELS
                for case, v, c, n in _CASES:
                    case_template = n if third else (v if ends_vowel else c)
                    forms = [_attach(word, case_template)]
                    if soft and not tag and case_template[:1] in ("I", "A"):
                        forms.insert(0, _attach(soft, case_template))
                    for form in forms:
                        out.setdefault(form[cut:], (tag, case) if tag else (case,))
        out.pop("", None)
        return out

    def inflect(self, stem: str, inflection: Inflection) -> str | None:
        folded = stem.lower()
        if len(folded) != len(stem) or not last_vowel(folded) or not folded[-1].isalpha():
            return None
        if _softened(folded) and not inflection.sep:
            return None  # Facebook: would a writer soften its k? the name decides
        table = self.table(folded, inflection.sep)
        tags = tuple(t for t in inflection.tags if t != "COMPOUND")
        for ending, found in table.items():
            if found == tags:
                base = stem + inflection.sep if inflection.sep else stem
                return base + ending
        return None
