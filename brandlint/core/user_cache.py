"""Where brandlint keeps what it computes once per user: `$XDG_CACHE_HOME/brandlint`, else
`~/.cache/brandlint` (the XDG base directory rule, which most Linux tools and macOS CLI
tools follow). Callers create the sub-folder they use and cope with it being unwritable."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "brandlint"
