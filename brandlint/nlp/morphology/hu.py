"""Hungarian noun endings: plural, possessive and case suffixes with vowel harmony.

Dictionary words get their lemmas from simplemma's Hungarian dictionary; this grammar is
for what no dictionary knows — brand and product names ("Kestrelnek", "Kestrellel",
"Kestrel-lel", "Falconjainkban") — and to rebuild an ending on a replacement.

Sources (the rules, not code): Carol H. Rounds, *Hungarian: An Essential Grammar*, 2nd ed.
(Routledge 2009): vowel harmony, the cases, possessive forms; Törkenczy Miklós,
*Hungarian Verbs and Essentials of Grammar* (McGraw-Hill 2008); *A magyar helyesírás
szabályai*, 12th ed. (MTA 2015), on the assimilation of -val/-vel and -vá/-vé and on
endings after names (Kestrel-lel).

- Harmony follows the stem's last vowel: back (a á o ó u ú) takes -nak, -hoz; front
  unrounded (e é i í) -nek, -hez; front rounded (ö ő ü ű) -nek, -höz. An e or i after a
  back vowel ("Omnichannel", "Google") is read either way in foreign names: such stems
  match both, and a fix onto them is only suggested.
- -val/-vel and -vá/-vé take the last consonant, doubled: Kestrel + vel → Kestrellel,
  after a hyphen Kestrel-lel; a digraph doubles its first letter (Kovács → Kováccsal).
- A final -a/-e lengthens before an ending: csatorna → csatornának, csatornája →
  csatornájának (not before -ként and -kor); a last é or á may shorten before a vowel
  (ügyfél → ügyfelek), which the dictionary confirms.
"""

from __future__ import annotations

from brandlint.nlp.morphology import Dictionary, Inflection, Morphology

BACK = frozenset("aáoóuú")
FRONT = frozenset("eéií")
ROUND = frozenset("öőüű")
VOWELS = BACK | FRONT | ROUND
DIGRAPHS = ("dzs", "cs", "dz", "gy", "ly", "ny", "sz", "ty", "zs")
# after these the accusative -t attaches directly (Rounds 2009, 3.1): Kestrelt, Falcont
DIRECT_T = frozenset({"j", "l", "ly", "n", "ny", "r", "s", "sz", "z", "zs"})
# letters whose sound an ending cannot be sure of in a foreign name
UNSURE_FINALS = frozenset("qwxy")

_VOWEL_SETS = {  # harmony → the archiphonemes A (a/e), Á (á/é), O (o/e/ö), Ó (ó/ő), U (u/ü)
    "back": {"A": "a", "Á": "á", "O": "o", "Ó": "ó", "U": "u"},
    "front": {"A": "e", "Á": "é", "O": "e", "Ó": "ő", "U": "ü"},
    "round": {"A": "e", "Á": "é", "O": "ö", "Ó": "ő", "U": "ü"},
}
# case endings: tag, after a vowel, after a consonant; "=" is the assimilating v of -val
_CASES = (
    ("DAT", "nAk", "nAk"),
    ("INE", "bAn", "bAn"),
    ("ILL", "bA", "bA"),
    ("ELA", "bÓl", "bÓl"),
    ("SUB", "rA", "rA"),
    ("DEL", "rÓl", "rÓl"),
    ("SUP", "n", "On"),
    ("ADE", "nÁl", "nÁl"),
    ("ALL", "hOz", "hOz"),
    ("ABL", "tÓl", "tÓl"),
    ("INS", "=Al", "=Al"),
    ("TRA", "=Á", "=Á"),
    ("CAU", "ért", "ért"),
    ("TER", "ig", "ig"),
    ("FOR", "ként", "ként"),
    ("TEM", "kor", "kor"),
    ("DIS", "nként", "Onként"),
    ("SOC", "stUl", "OstUl"),
    ("ESS", "Ul", "Ul"),
    ("ACC", "t", "At"),
)
# plural and possessive: tag, after a vowel, after a consonant (alternatives after "|":
# "ak" of lowering stems such as ház → házak, the -j- of Kestrelje)
_BASES = (
    ("PL", "k", "Ok|Ak"),
    ("POSS.1SG", "m", "Om|Am"),
    ("POSS.2SG", "d", "Od|Ad"),
    ("POSS.3SG", "jA", "A|jA"),
    ("POSS.1PL", "nk", "Unk"),
    ("POSS.2PL", "tOk", "OtOk|AtOk"),
    ("POSS.3PL", "jUk", "Uk|jUk"),
    ("POSS.PL", "i", "Ai|jAi"),
    ("POSS.PL.1SG", "im", "Aim|jAim"),
    ("POSS.PL.2SG", "id", "Aid|jAid"),
    ("POSS.PL.1PL", "ink", "Aink|jAink"),
    ("POSS.PL.2PL", "itOk", "AitOk|jAitOk"),
    ("POSS.PL.3PL", "ik", "Aik|jAik"),
    ("POSSR", "é", "é"),
    ("POSSR.PL", "éi", "éi"),
)
_NO_LENGTHENING = frozenset({"FOR", "TEM"})  # csatornaként, csatornakor (not csatornánként)
_ASSIMILATING = frozenset({"INS", "TRA"})


def harmonies(stem: str) -> tuple[str, ...]:
    """The vowel harmony classes a stem can take, the likeliest first; one when sure."""
    letters = [c for c in stem if c.isalpha()]
    if letters and letters[-1] == "y":
        letters[-1] = "i"  # a final y is read as i (Sony, Kelly)
    vowels = [c for c in letters if c in VOWELS]
    if not vowels:
        return ("back", "front", "round")
    last = vowels[-1]
    if last in BACK:
        return ("back",)
    if last in ROUND:
        return ("round",)
    if any(v in BACK for v in vowels):
        # papír → papírnak; in a foreign name an e or i after a back vowel goes either way
        return ("back", "front") if last in "ií" else ("front", "back")
    return ("front",)


def final_grapheme(text: str) -> str:
    """The last sound's spelling: a vowel, a consonant digraph, or one letter."""
    if not text:
        return ""
    if text[-1] in VOWELS:
        return text[-1]
    for digraph in DIGRAPHS:
        if text.endswith(digraph):
            return digraph
    return text[-1]


def _long(vowel: str) -> str:
    return {"a": "á", "e": "é"}.get(vowel, vowel)


_SHORT = {"é": "e", "á": "a"}


def _shortened(stem: str, *, lengthen: bool = False) -> str | None:
    """ügyfél ↔ ügyfel: a stem's last vowel, é or á, before one final consonant."""
    if len(stem) < 3 or stem[-1] in VOWELS:
        return None
    vowel = stem[-2]
    if lengthen:
        long = {v: k for k, v in _SHORT.items()}.get(vowel)
        return stem[:-2] + long + stem[-1] if long else None
    short = _SHORT.get(vowel)
    return stem[:-2] + short + stem[-1] if short else None


def _attach(text: str, template: str, harmony: str, tag: str, frozen: int) -> str:
    """`text` + one ending: a final a/e lengthens, the v of -val/-vá takes the last
    consonant; nothing before index `frozen` (the stem before a hyphen) changes."""
    ending = "".join(_VOWEL_SETS[harmony].get(c, c) for c in template)
    last = final_grapheme(text[frozen:])
    if last in ("a", "e") and tag not in _NO_LENGTHENING:
        text = text[:-1] + _long(last)
    if not ending.startswith("="):
        return text + ending
    if not last and frozen:  # right after the hyphen: Kestrel-lel, Kovács-csal
        consonant = final_grapheme(text[: frozen - 1])
        return text + (consonant if consonant not in VOWELS else "v") + ending[1:]
    if not last or last in VOWELS:
        return text + "v" + ending[1:]
    if text[: -len(last)].endswith(last[0]):  # toll + val → tollal, never tolllal
        return text + ending[1:]
    return text[: -len(last)] + last[0] + last + ending[1:]


class Hungarian(Morphology):
    lang = "hu"

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        super().__init__(dictionary or Dictionary("hu"))

    def stems_of(self, prefix: str) -> tuple[str, ...]:
        if prefix.endswith("á"):
            return (prefix, prefix[:-1] + "a")
        if prefix.endswith("é"):
            return (prefix, prefix[:-1] + "e")
        short = _shortened(prefix, lengthen=True)
        return (prefix, short) if short else (prefix,)

    def ending(self, word: str, stem: str) -> Inflection | None:
        found = super().ending(word, stem)
        if found is not None:
            return found
        # ügyfél → ügyfelek, madár → madarat: the last é or á shortens before a vowel
        short = _shortened(stem)
        if short is None or not word.startswith(short) or len(stem) < self.min_stem:
            return None
        rest = word[len(short) - len(final_grapheme(short)) :]
        tags = self.table(short, "").get(rest)
        if tags and word[len(short) : len(short) + 1] in VOWELS:
            return Inflection(rest, tags)
        return None

    def stem_base(self, stem: str) -> str:
        return stem[: -len(final_grapheme(stem))]

    def endings_key(self, stem: str, sep: str) -> object:
        return (harmonies(stem), stem[-3:], sep)

    def endings(self, stem: str, sep: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        start = stem + sep if sep else stem
        frozen = len(start) if sep else 0
        cut = len(start) if sep else len(self.stem_base(stem))
        for harmony in harmonies(stem):
            self._cases(out, start, (), harmony, frozen, cut)
            for tag, after_vowel, after_consonant in _BASES:
                end = final_grapheme(stem) if not sep else ""
                templates = (after_vowel if end in VOWELS else after_consonant).split("|")
                if sep:
                    templates = after_consonant.split("|") + after_vowel.split("|")
                    if final_grapheme(stem) in VOWELS:
                        templates.reverse()
                for n, template in enumerate(templates):
                    word = _attach(start, template, harmony, tag, frozen)
                    tags = (tag,) if n == 0 else (tag + "~",)
                    out.setdefault(word[cut:], tags)
                    if not tag.startswith("POSSR"):
                        self._cases(out, word, tags, harmony, frozen, cut)
        out.pop("", None)
        out.pop(stem[cut:], None)
        return out

    def _cases(
        self,
        out: dict[str, tuple[str, ...]],
        word: str,
        before: tuple[str, ...],
        harmony: str,
        frozen: int,
        cut: int,
    ) -> None:
        tail = word[frozen:]
        last = final_grapheme(tail) if tail else ""
        bare = not before
        for tag, after_vowel, after_consonant in _CASES:
            if not tail and frozen:  # right after a hyphen: either ending may be written
                templates = [after_consonant, after_vowel]
                if tag == "ACC":
                    templates = ["t", "Ot", "At"]
                elif tag == "SUP":
                    templates = ["On", "n"]
            elif last in VOWELS:
                templates = [after_vowel]
            elif tag == "ACC" and bare:
                templates = ["t", "Ot", "At"] if last in DIRECT_T else ["Ot", "At", "t"]
            elif tag == "SUP" and bare:
                templates = ["On", "An"]
            else:
                templates = [after_consonant]
            for n, template in enumerate(templates):
                text = _attach(word, template, harmony, tag, frozen)
                case = tag if n == 0 else tag + "~"
                out.setdefault(text[cut:], (*before, case))

    def inflect(self, stem: str, inflection: Inflection) -> str | None:
        folded = stem.lower()
        if len(folded) != len(stem) or not folded[-1:].isalpha():
            return None
        if len(harmonies(folded)) != 1 or folded[-1] in UNSURE_FINALS:
            return None
        tags = _plain(inflection.tags)
        if _ASSIMILATING & set(tags) and len(folded) > 1 and folded[-1] == folded[-2]:
            return None  # Bell-lel or Bellel: the name's own spelling decides
        sep = inflection.sep
        table = self.table(folded, sep)
        candidates = [ending for ending, t in table.items() if _plain(t) == tags]
        if not candidates:
            return None
        base = stem + sep if sep else stem[: len(self.stem_base(folded))]
        words = [base + ending for ending in candidates]
        if len(words) == 1:
            return words[0]
        if self.known(folded):  # a dictionary word: its own lexical class decides
            for word in words:
                if self.known(word.lower()) and self.lemma(word.lower()) == folded:
                    return word
            return None
        marked = [t for e, t in table.items() if _plain(t) == tags and e in candidates]
        if any(t[0].endswith("~") and t[0].startswith("POSS") for t in marked):
            return None  # -a or -ja after a consonant: lexical, not ruled
        return words[0]


def _plain(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.rstrip("~") for t in tags if t != "COMPOUND")
