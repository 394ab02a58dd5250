"""Where the built-in rule packs (`rules/` in the source tree) live once installed."""

from __future__ import annotations

from pathlib import Path

PREFIX = "brandlint:"


def packs_root() -> Path:
    """`brandlint/_packs` in a wheel; the repository's `rules/` in a source checkout."""
    installed = Path(__file__).parent / "_packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"


def default_guide_path() -> Path:
    return packs_root() / "default.yaml"


def pack_names() -> list[str]:
    return sorted(p.name for p in packs_root().iterdir() if p.is_dir())
