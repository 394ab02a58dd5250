"""Hunspell dictionaries, found on disk and shared by every spelling rule of the process.

Dictionaries are read with spylls, a pure-Python port of Hunspell: it reads the same
`.aff`/`.dic` pairs as Hunspell (Debian's `hunspell-en-us`, `hunspell-hu`, `hunspell-no`…,
LibreOffice's, a style's own), applies their affix, compound and case rules, and installs on
any platform without a compiler or a system library. It checks a word in about 20 µs (en_US)
and loads en_US in about 0.4 s; both costs are paid once per process: a `Speller` is shared
by every rule naming the same dictionaries, loaded on first use (not when a guide loads),
and caches its answer for each word.
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary

# where distributions install Hunspell and MySpell dictionaries
SYSTEM_FOLDERS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    "/Library/Spelling",
    "~/Library/Spelling",
    "~/.local/share/hunspell",
)
DEFAULT_DICTIONARY = "en_US"
Files = tuple[Path, Path]  # a dictionary's .aff and .dic
_CACHE_LIMIT = 500_000  # words remembered per speller before the cache starts afresh


def search_folders(extra: Iterable[Path] = ()) -> list[Path]:
    """Folders to look for dictionaries in: `extra` first, then $DICPATH (as Hunspell and
    Vale read it), then the system's."""
    folders = [Path(folder) for folder in extra]
    folders += [Path(p) for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    folders += [Path(p).expanduser() for p in SYSTEM_FOLDERS]
    seen: list[Path] = []
    for folder in folders:
        if folder not in seen:
            seen.append(folder)
    return seen


def find_dictionary(name: str, folders: Sequence[Path]) -> Files | None:
    """The `.aff` and `.dic` of dictionary `name` (`en_US`; `en-US` is the same) in the
    first folder that holds both, or None."""
    names = [name, *{name.replace("-", "_"), name.replace("_", "-")} - {name}]
    for folder in folders:
        for candidate in names:
            aff, dic = folder / f"{candidate}.aff", folder / f"{candidate}.dic"
            if aff.is_file() and dic.is_file():
                return aff, dic
    return None


def installed_for(lang: str, folders: Sequence[Path]) -> Files | None:
    """The dictionary to use for copy in language `lang` (en → en_US, hu → hu_HU,
    nb → nb_NO), or None when none is installed."""
    preferred = {"en": "en_US", "nb": "nb_NO", "nn": "nn_NO", "sv": "sv_SE", "da": "da_DK"}
    for name in (preferred.get(lang, ""), f"{lang}_{lang.upper()}", lang):
        found = find_dictionary(name, folders) if name else None
        if found:
            return found
    for folder in folders:
        if folder.is_dir():
            for dic in sorted(folder.glob(f"{lang}_*.dic")):
                if dic.with_suffix(".aff").is_file():
                    return dic.with_suffix(".aff"), dic
    return None


class DictionaryError(Exception):
    """A dictionary that cannot be read; the message names the file and why."""


class Speller:
    """One or more dictionaries read as one: a word is correct when any of them accepts
    it. Thread-safe; load on first use."""

    def __init__(self, files: tuple[tuple[str, str], ...]) -> None:
        self.files = files
        self._dictionaries: list[Dictionary] | None = None
        self._letters: frozenset[str] = frozenset()
        self._error = ""
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def problem(self) -> str:
        """Why the dictionaries cannot be used ('' when they can); loads them."""
        try:
            self._loaded()
        except DictionaryError as exc:
            return str(exc)
        return ""

    def _loaded(self) -> list[Dictionary]:
        if self._dictionaries is None:
            with self._lock:
                if self._error:
                    raise DictionaryError(self._error)
                if self._dictionaries is None:
                    try:
                        dictionaries = [_read(aff, dic) for aff, dic in self.files]
                    except Exception as exc:  # spylls raises ValueError, KeyError, … on bad files
                        self._error = f"{exc}"
                        raise DictionaryError(self._error) from None
                    letters: set[str] = set()
                    for dictionary in dictionaries:
                        # edit-based suggestions only: Hunspell's n-gram search (for badly
                        # misspelled words) costs about half a second a word in pure Python
                        dictionary.suggester.ngram_suggestions = _no_suggestions
                        dictionary.suggester.phonet_suggestions = _no_suggestions
                        stems = "".join(word.stem for word in dictionary.dic.words)
                        letters.update(c.lower() for c in stems + (dictionary.aff.TRY or ""))
                    self._letters = frozenset(c for c in letters if c.isalpha())
                    self._dictionaries = dictionaries
        return self._dictionaries

    def alphabet(self) -> frozenset[str]:
        """The letters (lower case) the dictionaries' words are written in: a word with
        any other letter is not in their language (`オプション` for en_US)."""
        self._loaded()
        return self._letters

    def known(self, word: str) -> bool:
        """Whether a dictionary accepts `word` (its case rules included: `Hello` and
        `HELLO` pass for `hello`, `paris` fails for `Paris`)."""
        found = self._known.get(word)
        if found is None:
            found = any(d.lookup(word) for d in self._loaded())
            if len(self._known) >= _CACHE_LIMIT:
                self._known.clear()
            self._known[word] = found
        return found

    def suggest(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """Hunspell's suggestions for `word`, best first, from each dictionary in turn."""
        found = self._suggestions.get(word)
        if found is None:
            out: list[str] = []
            for dictionary in self._loaded():
                for suggestion in dictionary.suggest(word):
                    if suggestion not in out:
                        out.append(suggestion)
                    if len(out) >= limit:
                        break
                if len(out) >= limit:
                    break
            found = self._suggestions[word] = tuple(out)
        return found


def _no_suggestions(*args: object, **kwargs: object) -> Iterator[str]:
    return iter(())


_SPELLERS: dict[tuple[tuple[str, str], ...], Speller] = {}
_LOCK = threading.Lock()
# directives left out when reading an .aff file: phonetic tables, which only feed the
# suggestions not used here, and which real files get wrong (UTF-8 under `SET ISO8859-1`)
_SKIPPED_DIRECTIVES = re.compile(rb"^\s*PHONE\b")


def _read(aff: str, dic: str) -> Dictionary:
    """A dictionary from its two files (which may have different names)."""
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import FileReader

    try:
        raw = Path(aff).read_bytes()
        lines = raw.splitlines(keepends=True)
        kept = b"".join(line for line in lines if not _SKIPPED_DIRECTIVES.match(line))
        declared = _undeclared_utf8(kept, dic)
        affixes, context = readers.read_aff(_reader(kept, declared or "Windows-1252"))
        if declared:
            context.encoding = declared
        words = readers.read_dic(
            FileReader(dic, encoding=context.encoding), aff=affixes, context=context
        )
    except Exception as exc:
        raise DictionaryError(f"cannot read the Hunspell dictionary {aff}: {exc}") from None
    return Dictionary(affixes, words)


def _reader(raw: bytes, encoding: str) -> Any:
    """spylls's line reader over bytes already in memory (an .aff file, filtered), able to
    switch encoding when the file says `SET …`, as its file reader does."""
    from spylls.hunspell.readers.file_reader import BaseReader

    def text(name: str) -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(raw), encoding=name, errors="surrogateescape")

    class BytesReader(BaseReader):  # type: ignore[misc]
        def reset_encoding(self, name: str) -> None:
            self.reset_io(text(name))

    return BytesReader(text(encoding))


def _undeclared_utf8(raw: bytes, dic: str) -> str | None:
    """`UTF-8` for a dictionary written in UTF-8 without saying so (no `SET` line), which
    Hunspell would read as ISO 8859-1 and Vale reads as UTF-8; None otherwise."""
    if re.search(rb"(?m)^\s*SET\s", raw):
        return None
    try:
        words = Path(dic).read_bytes()
        raw.decode("utf-8")
        words.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "UTF-8" if max(raw + words, default=0) > 0x7F else None


def speller(files: Sequence[Files]) -> Speller:
    """The process's speller for these dictionaries (one per set, whatever rule asks)."""
    key = tuple((str(aff.resolve()), str(dic.resolve())) for aff, dic in files)
    with _LOCK:
        found = _SPELLERS.get(key)
        if found is None:
            found = _SPELLERS[key] = Speller(key)
        return found
