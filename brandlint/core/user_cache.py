"""Where brandlint keeps what it computes once per user: `$XDG_CACHE_HOME/brandlint`, else
`~/.cache/brandlint` (the XDG base directory rule, which most Linux tools and macOS CLI
tools follow). Callers create the sub-folder they use and cope with it being unwritable."""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
from pathlib import Path

from brandlint import __version__


def user_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "brandlint"


@functools.cache
def code_stamp() -> str:
    """brandlint's own code, as part of a cache key: an editable install changes it without
    a new version, and what one version of the code computed (a pickled rule, a table) must
    be read by that code. About a millisecond: the names, sizes and times of its files."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def cache_key(*parts: str) -> str:
    """A key (hex) for what this brandlint, its code as it is now and this Python computed
    from `parts`: what one version of the code stored is never read by another."""
    text = "\0".join((__version__, code_stamp(), sys.version, *parts))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def not_yours(path: Path, closed: int, *, folder: bool = True) -> str | None:
    """When `path` is not this user's alone (another owner, a permission bit of `closed`
    set, not a folder, or with `folder` False not a regular file): its permissions as `ls`
    shows them, for a warning. None when it is, or cannot be looked at (absent)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    right_kind = stat.S_ISDIR(info.st_mode) if folder else stat.S_ISREG(info.st_mode)
    if right_kind and info.st_uid == os.getuid() and not stat.S_IMODE(info.st_mode) & closed:
        return None
    return stat.filemode(info.st_mode)
