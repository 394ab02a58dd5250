"""Hunspell dictionaries, found on disk and shared by every spelling rule of the process.

Dictionaries are read with spylls, a pure-Python port of Hunspell: it reads the same
`.aff`/`.dic` pairs as Hunspell (Debian's `hunspell-en-us`, `hunspell-hu`, `hunspell-no`…,
LibreOffice's, a style's own), applies their affix, compound and case rules, and installs on
any platform without a compiler or a system library. It checks a word in about 20 µs (en_US)
and loads en_US in about 0.4 s; both costs are paid once per process: a `Speller` is shared
by every rule naming the same dictionaries, loaded on first use (not when a guide loads),
and caches its answer for each word.

An `.aff` file is read as leniently as Vale's own Hunspell reader reads it: a directive
spylls cannot parse (a malformed affix row, a table with a bad count) is left out with a
warning naming the file and line, and the rest of the dictionary is used; one broken line
never costs a style its whole spelling rule. `PHONE` tables are left out unread: they only
feed phonetic suggestions, which are not used here (Vale ignores them too), and real files
get them wrong (UTF-8 under `SET ISO8859-1` in Vale's own en_US.aff).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary
    from spylls.hunspell.data.aff import Aff
    from spylls.hunspell.readers.aff import Context

log = logging.getLogger("brandlint")

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
# Vale's embedded default dictionary (SCOWL's en_US, "web" size), shipped in the wheel so
# that English copy is checked against the same words as in Vale, whatever is installed
_BUNDLED = Path(__file__).parent / "data" / "hunspell"
DEFAULT_FILES: Files = (_BUNDLED / "en_US-web.aff", _BUNDLED / "en_US-web.dic")
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
    """The dictionary to use for copy in language `lang`: Vale's default for English (as
    Vale, which uses it for any rule naming no dictionary), else the installed one (hu →
    hu_HU, nb → nb_NO), or None when none is installed."""
    if lang == "en":
        return DEFAULT_FILES
    preferred = {"nb": "nb_NO", "nn": "nn_NO", "sv": "sv_SE", "da": "da_DK"}
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
                        # Vale's reader has no BREAK: a hyphenated word (which only reaches
                        # a dictionary with `custom: true`) is checked whole, never by parts
                        dictionary.lookuper.break_word = _whole
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


def _whole(word: str, depth: int = 0) -> Iterator[list[str]]:
    yield [word]


_SPELLERS: dict[tuple[tuple[str, str], ...], Speller] = {}
_LOCK = threading.Lock()
# directives whose value is a table: `NAME count`, then `count` rows starting with NAME
_TABLES = frozenset(
    "BREAK COMPOUNDRULE ICONV OCONV REP MAP CHECKCOMPOUNDPATTERN AF AM PHONE".split()
)
_AFFIXES = frozenset({"SFX", "PFX"})  # `SFX flag cross count`, then the rows
Line = tuple[int, str]  # an .aff line: its 1-based number and its text, stripped


def _read(aff: str, dic: str) -> Dictionary:
    """A dictionary from its two files (which may have different names); the .aff lines
    that cannot be read are logged as warnings and left out."""
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import FileReader

    try:
        raw = Path(aff).read_bytes()
        declared = _undeclared_utf8(raw, dic)
        affixes, context, skipped = read_aff(raw, declared or "Windows-1252")
        for line, why in skipped:
            log.warning("%s:%d: %s; this line is left out of the dictionary", aff, line, why)
        words = readers.read_dic(
            FileReader(dic, encoding=context.encoding), aff=affixes, context=context
        )
    except Exception as exc:
        raise DictionaryError(f"cannot read the Hunspell dictionary {aff}: {exc}") from None
    return Dictionary(affixes, words)


def read_aff(raw: bytes, encoding: str) -> tuple[Aff, Context, list[Line]]:
    """An .aff file's directives (spylls parses each), its reading context, and the
    (line, why) of each directive or affix row that could not be read and was left out.
    `encoding` is the file's until a `SET` line says otherwise."""
    from spylls.hunspell.data.aff import Aff
    from spylls.hunspell.readers.aff import Context

    data: dict[str, Any] = {"SFX": {}, "PFX": {}, "FLAG": "short"}
    context = Context()
    context.encoding = encoding
    skipped: list[Line] = []
    lines = _numbered_lines(raw, encoding)
    index = 0
    while index < len(lines):
        number, text = lines[index]
        name = text.split()[0]
        rows = _rows(lines, index, name)
        index += 1 + len(rows)
        if name == "PHONE" or not (name.isascii() and name.isalpha() and name.isupper()):
            continue  # phonetic table (see the module's docstring), comment or free text
        value = _directive(name, (number, text), rows, context, skipped)
        if value is None:
            continue
        name, found = value
        if name in _AFFIXES:
            data[name][found[0].flag] = found
            continue
        data[name] = found
        if name == "FLAG":
            context.flag_format = found
        elif name == "AF":
            context.flag_synonyms = found
        elif name == "IGNORE":
            context.ignore = found
        if name == "SET" or (name == "FLAG" and found == "UTF-8"):
            # the lines after this one are in the encoding it names
            context.encoding = data["SET"] = "UTF-8" if name == "FLAG" else found
            lines[index:] = _numbered_lines(raw, context.encoding, after=number)
    return Aff(**data), context, skipped


def _numbered_lines(raw: bytes, encoding: str, after: int = 0) -> list[Line]:
    """Each non-blank line after line `after`, decoded, as (number, stripped text)."""
    out = []
    for number, line in enumerate(raw.splitlines(), 1):
        if number <= after:
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark
        text = line.decode(encoding, errors="surrogateescape").strip()
        if text:
            out.append((number, text))
    return out


def _rows(lines: list[Line], index: int, name: str) -> list[Line]:
    """The rows of the table directive at lines[index]: as many as its count says (all
    that follow when it has none), while they start with its name (a short table does not
    swallow the next directive)."""
    parts = lines[index][1].split()
    position = 3 if name in _AFFIXES else 1
    if name not in _TABLES and name not in _AFFIXES:
        return []
    count = int(parts[position]) if parts[position:] and parts[position].isdigit() else None
    rows = []
    end = len(lines) if count is None else index + 1 + count
    for row in lines[index + 1 : end]:
        if row[1].split()[0] != name:
            break
        rows.append(row)
    return rows


def _directive(
    name: str, header: Line, rows: list[Line], context: Context, skipped: list[Line]
) -> tuple[str, Any] | None:
    """spylls's reading of one directive, or None (recorded in `skipped`) when it fails.
    An affix class keeps the rows that read, each bad row left out on its own."""
    from spylls.hunspell.readers.aff import read_directive

    def read(head: str, table: list[Line]) -> tuple[str, Any] | None:
        found: tuple[str, Any] | None = read_directive(iter(table), head, context=context)
        return found

    try:
        return read(header[1], rows)
    except Exception as exc:  # spylls raises ValueError, IndexError, … on a bad line
        if name not in _AFFIXES or not rows:
            skipped.append((header[0], f"cannot read the {name} directive ({exc})"))
            return None
    flag, cross = [*header[1].split(), "", ""][1:3]
    kept: list[Any] = []
    for row in rows:
        try:
            found = read(f"{name} {flag} {cross} 1", [row])
        except Exception as exc:
            skipped.append((row[0], f"cannot read this {name} row ({exc})"))
            continue
        if found is not None:
            kept.extend(found[1])
    return (name, kept) if kept else None


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
