"""Path globs in gitignore syntax (`content/sms/**`), compiled once each."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathspec import PathSpec


@lru_cache(maxsize=1024)
def compiled(pattern: str) -> PathSpec[Any]:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([pattern])


def glob_match(pattern: str, relative_path: str) -> bool:
    return bool(compiled(pattern).match_file(relative_path))
