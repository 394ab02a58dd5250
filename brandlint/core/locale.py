"""Which locale's wording applies to a document: BCP 47 language tags and their fallback.

A guide (its `locales:` section) and a termbase (a term's language tag) can both say that
a word belongs to one locale: `colour` to `en-GB`, `color` to `en-US`, `ikkje` to `nn`. A
document has one language tag too (declared in front matter, a `lang` attribute, a path
glob, `--lang`, or detected). This module decides, in one place, whether the wording of a
tag applies to a document and, when several tags could, which is closest.

The rule is RFC 4647 "lookup", plus the Norwegian macrolanguage step:

- a document's **fallback chain** runs from its own tag to ever broader ones by dropping
  the last subtag: `en-GB` → `en`; `zh-Hant-TW` → `zh-Hant` → `zh`;
- Bokmål and Nynorsk are both Norwegian, so `nb` → `no` and `nn` → `no`: a guide can state
  what all Norwegian copy shares once under `no` and only the differences under `nb` and
  `nn`. (`no` has no narrower step: a document declared `no` gets `no` wording, not `nb`.)
- the guide's own, untagged wording is the last step of every chain; callers stand for it
  with "no tag" (the functions here take `None` or `""` as "untagged").

So wording tagged `en` applies to an `en-GB` and an `en-US` document, while wording tagged
`en-GB` applies to `en-GB` (and `en-GB-oxendict`) documents only; an `en` document does not
get British spellings. Where an `en-US` document could take a term from `en-US` and from
`en`, the `en-US` one is closer and wins (`closest`).

Tags are compared case-insensitively, `_` is read as `-` (`en_GB` is common in file names),
and the three-letter codes of the languages brandlint knows are read as their two-letter
codes (`nob` = `nb`), so guides and termbases from different tools agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# ISO 639-2/3 codes that tools write for the two-letter ISO 639-1 ones (TMX and TBX files
# often use them). Only unambiguous, commonly met codes; anything else is kept as written.
_THREE_LETTER = {
    "eng": "en",
    "nob": "nb",
    "nno": "nn",
    "nor": "no",
    "hun": "hu",
    "aze": "az",
    "yor": "yo",
    "tur": "tr",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "swe": "sv",
    "dan": "da",
}

# Individual languages whose macrolanguage is the next step of the chain.
_MACROLANGUAGE = {"nb": "no", "nn": "no"}


def canonical_tag(tag: str) -> str:
    """`tag` in BCP 47's conventional case, `_` read as `-`: `EN_gb` → `en-GB`,
    `zh-hant-tw` → `zh-Hant-TW`, `nob` → `nb`. Comparing canonical tags is comparing tags.

    Raises ValueError for an empty tag or an empty subtag (`en--GB`), which a guide reports
    at the tag's position."""
    parts = tag.strip().replace("_", "-").split("-")
    if not all(parts):
        raise ValueError(f"{tag!r} is not a language tag (write e.g. `en`, `en-GB`, `nb`)")
    language = parts[0].lower()
    out = [_THREE_LETTER.get(language, language)]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())  # script: Latn, Hant
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())  # region: GB, 419
        else:
            out.append(part.lower())  # variant or extension
    return "-".join(out)


def fallback_chain(lang: str | None) -> tuple[str, ...]:
    """The tags whose wording applies to a document in `lang`, closest first, in canonical
    form: `en-GB` → (`en-GB`, `en`); `nb-NO` → (`nb-NO`, `nb`, `no`); `nn` → (`nn`, `no`).

    The guide's untagged wording, which always applies last, is not in the tuple; a
    document with no language (`None`, `""`) has an empty chain and gets only that."""
    if not lang or not lang.strip():
        return ()
    parts = canonical_tag(lang).split("-")
    chain = ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]
    macro = _MACROLANGUAGE.get(parts[0])
    if macro:
        chain.append(macro)
    return tuple(chain)


def rank(tag: str | None, doc_lang: str | None) -> int | None:
    """How far `tag` is down `doc_lang`'s fallback chain: 0 for the document's own tag, 1
    for the next broader one…; the untagged wording (`tag` None or "") ranks after every
    tag of the chain. None when `tag` does not apply to the document at all."""
    chain = fallback_chain(doc_lang)
    if not tag:
        return len(chain)
    try:
        return chain.index(canonical_tag(tag))
    except ValueError:
        return None


def tag_applies(term_tag: str | None, doc_lang: str | None) -> bool:
    """Whether wording tagged `term_tag` applies to a document in `doc_lang`: the tag is on
    the document's fallback chain, or the wording is untagged.

    `en` wording applies to `en-US` documents; `en-US` wording does not apply to `en-GB`
    nor to plain `en` documents; `no` wording applies to `nb` and `nn` documents."""
    return rank(term_tag, doc_lang) is not None


def closest(items: Iterable[T], doc_lang: str | None, tag: Callable[[T], str | None]) -> T | None:
    """Of `items` (each with a language tag, read by `tag`; None or "" for untagged), the
    one closest to `doc_lang`: the first on its fallback chain, an untagged one after all
    of those; on a tie, the first given. None when none applies.

    For several entries of one concept (a termbase's `color`/`colour`), the closest is the
    one a document uses: an `en-US` document picks `en-US` over `en` over untagged."""
    best: T | None = None
    best_rank: int | None = None
    for item in items:
        position = rank(tag(item), doc_lang)
        if position is not None and (best_rank is None or position < best_rank):
            best, best_rank = item, position
    return best
