"""`voice: {profile: voice.json, min-score: 70}` — one `voice` rule scoring copy against a
voice profile (`brandlint voice learn`), its path relative to the guide."""

from __future__ import annotations

from pathlib import Path

from brandlint.core.spec import RuleSpec
from brandlint.guide.sections import GuideFile


def read_voice(source: GuideFile) -> list[RuleSpec]:
    entry = source.data.get("voice")
    if not isinstance(entry, dict):
        return []  # absent, or reported by the schema
    data = {str(k).replace("-", "_"): v for k, v in entry.items()}
    if isinstance(data.get("profile"), str):
        data["profile"] = str(Path(source.doc.path).resolve().parent / data["profile"])
    spec = source.rule(("voice",), data, str(data.pop("id", f"{source.name}.voice")), "voice")
    return [spec] if spec is not None else []
