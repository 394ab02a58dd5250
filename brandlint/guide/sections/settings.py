"""The guide's own settings: name, language, channel and language globs, ignores, pipelines."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from brandlint.guide.rule_files import as_tuple
from brandlint.nlp.pipelines import normalize_lang


def read_settings(data: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """`Guide` fields from the top-level settings of the guide at `path`."""
    return {
        "name": str(data.get("name", "guide")),
        "lang": str(data.get("lang", "en")),
        "channel_globs": tuple((str(k), str(v)) for k, v in (data.get("channels") or {}).items()),
        "lang_globs": tuple((str(k), str(v)) for k, v in (data.get("languages") or {}).items()),
        "format_globs": tuple((str(k), str(v)) for k, v in (data.get("formats") or {}).items()),
        "ignore": as_tuple(data.get("ignore")),
        **_detection(data.get("detect_language")),
        "pipelines": {
            normalize_lang(str(k)) or str(k): _pipeline_name(str(v), path)
            for k, v in (data.get("pipelines") or {}).items()
        },
    }


def _pipeline_name(value: str, guide: Path) -> str:
    """A package name as it is; a pipeline folder relative to the guide made absolute."""
    folder = guide.resolve().parent / value
    return str(folder) if folder.is_dir() else value


def _detection(value: Any) -> dict[str, Any]:
    """`detect_language: {candidates: [en, hu], min_confidence: 0.7}`: copy that declares no
    language is given the candidate detected with that confidence, else the guide's `lang`."""
    if not isinstance(value, Mapping):
        return {}
    candidates = tuple(normalize_lang(str(c)) or str(c) for c in value.get("candidates") or ())
    confidence = value.get("min_confidence", 0.7)
    return {
        "detect_languages": candidates,
        "detect_min_confidence": float(confidence) if isinstance(confidence, int | float) else 0.7,
    }
