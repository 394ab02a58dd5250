"""Text as a reader sees it: canonical Unicode, invisible characters, case per language.

Matching compares *folded* text. Folding is computed once per spaCy lexeme (see
`brandlint.nlp.pipelines`), never per token, and the same function folds a guide's terms
and the copy, so both sides always agree:

- canonical equivalence: NFC, so Yoruba typed with combining tone marks (NFD) matches the
  same word typed precomposed;
- default-ignorable code points (Unicode's Default_Ignorable_Code_Point: soft hyphen,
  ZWSP, ZWJ/ZWNJ, LRM/RLM and the other bidi controls, word joiner, BOM, variation
  selectors, tag characters…) are invisible, so they never hide a word;
- full case folding (German ß → ss, Greek final sigma), with Turkish and Azerbaijani
  dotted and dotless i (İ ↔ i, I ↔ ı).

Fixes carry the writer's case over to a replacement with the same per-language rules.
"""

from __future__ import annotations

import unicodedata

# Default_Ignorable_Code_Point, Unicode 15.1 (DerivedCoreProperties.txt)
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_DROP: dict[int, None] = {
    code: None for first, last in _IGNORABLE_RANGES for code in range(first, last + 1)
}
# languages whose i has a dotted and a dotless pair: İ/i and I/ı
_DOTTED_I = frozenset({"tr", "az", "crh", "tt", "kk"})


def is_ignorable(char: str) -> bool:
    """An invisible format character (Default_Ignorable_Code_Point)."""
    return ord(char) in _DROP


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every default-ignorable character in `text`."""
    if text.isascii():
        return []
    return [(i, c) for i, c in enumerate(text) if ord(c) in _DROP]


def canonical(text: str) -> str:
    """`text` as a reader sees it: NFC, without invisible format characters; case kept."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.translate(_DROP))


def _lang(lang: str | None) -> str:
    return (lang or "").split("-")[0].split("_")[0].lower()


def fold(text: str, lang: str | None = "") -> str:
    """The form two spellings share when they differ only in case, canonical equivalence
    or invisible characters: 'STRASSE' and 'Straße'; 'IRMAK' and 'ırmak' in Turkish."""
    if text.isascii():
        if _lang(lang) in _DOTTED_I and "I" in text:
            text = text.replace("I", "ı")
            return unicodedata.normalize("NFC", text.casefold())
        return text.lower()
    text = canonical(text)
    if _lang(lang) in _DOTTED_I:
        text = text.replace("I", "ı").replace("İ", "i")
    return unicodedata.normalize("NFC", text.casefold())


def lower(text: str, lang: str | None = "") -> str:
    """Lower case in `lang` (İ → i and I → ı in Turkish and Azerbaijani; Σ → ς at a word's
    end, as Python does)."""
    if _lang(lang) in _DOTTED_I:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def upper(text: str, lang: str | None = "") -> str:
    """Upper case in `lang` (i → İ in Turkish and Azerbaijani; ß → SS)."""
    if _lang(lang) in _DOTTED_I:
        text = text.replace("i", "İ")
    return text.upper()


def capitalize(text: str, lang: str | None = "") -> str:
    """The first letter in title case, the rest untouched ('istanbul' → 'İstanbul' in
    Turkish; Dutch 'ijsbeer' → 'IJsbeer'); leading punctuation is kept as it is."""
    for i, char in enumerate(text):
        if char.isalpha():
            if _lang(lang) == "nl" and text[i : i + 2] == "ij":
                return text[:i] + "IJ" + text[i + 2 :]
            head = upper(char, lang) if _lang(lang) in _DOTTED_I else char.title()
            return text[:i] + head + text[i + 1 :]
        if not is_ignorable(char) and char not in "'‘’\"“¿¡(«":
            return text
    return text


def is_all_caps(text: str, lang: str | None = "") -> bool:
    """Every cased letter is a capital, and there are at least two ('STRAßE' counts: ß has
    no capital in common use)."""
    capitals = 0
    for char in text:
        if char.isupper():
            capitals += 1
        elif char.islower() and char != "ß":
            return False
    return capitals >= 2


def keeps_case(word: str, lang: str | None = "") -> bool:
    """A word whose capitals are part of its spelling, so no case change may touch it: an
    acronym (HTML, APIs: two capitals or more), a name in mixed case (iOS, eBay, O'Brien: a
    capital after the first letter), and English 'I' with its contractions (I'm, I've).

    Heading and sentence case call this for every word they would change: '### iOS' must
    never become '### IOS', nor 'Do I' 'Do i'."""
    if _lang(lang) in ("", "en") and (word == "I" or word[:2] in ("I'", "I’")):
        return True
    letters = [char for char in word if char.isalpha()]
    if sum(1 for char in letters if char.isupper()) >= 2:
        return True
    return any(char.isupper() for char in letters[1:])


def starts_upper(text: str) -> bool:
    """The first letter is a capital (or title case)."""
    for char in text:
        if char.isalpha():
            return char.isupper() or char.istitle()
    return False


def follow_case(source: str, replacement: str, lang: str | None = "") -> str:
    """'Leverage' → 'Use'; 'LEVERAGE' → 'USE'; otherwise the replacement as written.

    Replacements that carry their own capitals (product names) are never changed. Case is
    changed as `lang` writes it: 'ırmak' after 'IRMAK' is 'IRMAK' in Turkish.
    """
    if not replacement or not source or replacement != lower(replacement, lang):
        return replacement
    if is_all_caps(source, lang):
        return upper(replacement, lang)
    if starts_upper(source):
        return capitalize(replacement, lang)
    return replacement
