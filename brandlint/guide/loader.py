"""Finding and loading a brand guide: `brandlint.yaml`, the files it extends, its sections.

A guide is read from its files (`brandlint.guide.reading`) only when the compiled-guide
cache has no current entry for it: a check with a cached guide imports none of the section
readers, the JSON Schema validator or the rule kinds its guide does not use.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from brandlint.guide.cache import GuideCache
from brandlint.guide.model import Guide
from brandlint.guide.names import GUIDE_NAMES
from brandlint.packs import default_guide_path


def discover_guide(start: Path) -> Path | None:
    """The nearest guide file in `start` (a file's folder) or any folder above it."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        for name in GUIDE_NAMES:
            if (candidate / name).is_file():
                return candidate / name
    return None


def load_guide(
    path: str | Path | None = None, *, start: str | Path | None = None, text: str | None = None
) -> Guide:
    """Load the guide at `path`, else the nearest to `start`, else the bundled default.

    `text` stands in for the file's content (a guide being edited in an editor)."""
    if path is None:
        path = discover_guide(Path(start or ".")) or default_guide_path()
    if text is not None:  # a buffer being edited changes on every key: not worth a cache entry
        return _load(Path(path), {Path(path).resolve(): text})
    guide = Path(path)
    return GuideCache.for_user().load(guide, project_root(guide), partial(_load, guide))


def _load(path: Path, overlay: dict[Path, str] | None = None) -> Guide:
    """The guide at `path`, read from its files (raises `GuideError` with every problem)."""
    from brandlint.guide.reading import read_guide

    return read_guide(path, overlay)


def project_root(guide: Path) -> Path:
    """The folder a guide may read files in: the root of the git work tree holding it (a
    monorepo's shared styles), else the guide's own folder."""
    folder = guide.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder
