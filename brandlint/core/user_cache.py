"""Where brandlint keeps what it computes once per user: `$XDG_CACHE_HOME/brandlint`, else
`~/.cache/brandlint` (the XDG base directory rule, which most Linux tools and macOS CLI
tools follow). Callers create the sub-folder they use and cope with it being unwritable."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path


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
