"""Reading the editor's settings: `initializationOptions`, or the `brandlint` section of
`workspace/configuration` and `workspace/didChangeConfiguration`.

The part that decides how documents are linted (`engine_settings`) is read in two places
from the same message: by the server's `Session`, and by the lint worker started before the
server has read anything (`start`), which gets the editor's `initialize` as it arrived so
that it warms up under the settings the editor is about to send. Both read it here, so the
worker's settings equal the session's and its warm-up is kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from brandlint.core.alerts import Level
from brandlint.core.settings import Settings

T = TypeVar("T")


class Options:
    """The settings a client sent, read one at a time: a value of the wrong type or out of
    range is ignored (the others apply), and what was wrong with it is kept in `wrong`."""

    def __init__(self, given: object) -> None:
        self.given: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
        self.wrong: list[str] = []

    def value(self, name: str, check: Callable[[Any], T], current: T, expected: str) -> T:
        """The setting `name` read by `check`, or `current` when it is absent or wrong."""
        if name not in self.given:
            return current
        given = self.given[name]
        try:
            return check(given)
        except (TypeError, ValueError) as exc:
            self.wrong.append(f"setting {name}={given!r} ignored: {expected} ({exc})")
            return current


def engine_settings(options: Options, current: Settings) -> Settings:
    """The engine's settings under `options`, from `current` (a setting not given keeps its
    value)."""
    settings = replace(
        current,
        guide=options.value("guide", optional_text, current.guide, "a path"),
        # a .vale.ini for every document, as `--vale-config` (VALE_CONFIG_PATH, read from
        # the server's environment, names one where no guide is nearer)
        vale_config=options.value("valeConfig", optional_path, current.vale_config, "a path"),
        # Vale's positions, and Vale's error where no configuration is found (--vale-compat)
        vale_compat=options.value("valeCompat", flag, current.vale_compat, "true or false"),
        lang=options.value("lang", optional_text, current.lang, "a language code"),
        channel=options.value("channel", optional_text, current.channel, "a channel name"),
    )
    if settings.guide and settings.vale_config:
        options.wrong.append(
            f"setting valeConfig={settings.vale_config!r} ignored: the setting guide names "
            "the guide of every document"
        )
        settings = replace(settings, vale_config=None)
    return settings


def optional_text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"got {type(value).__name__}")
    return value or None


def optional_path(value: Any) -> str | None:
    """A path as the command line takes it: `~` expanded, relative to the server's folder."""
    text = optional_text(value)
    return str(Path(text).expanduser().absolute()) if text else None


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"got {type(value).__name__}")
    return value


def level(value: Any) -> Level:
    if not isinstance(value, str):
        raise TypeError(f"got {type(value).__name__}")
    return Level.parse(value)


def number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"got {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError("not a finite number of at least 0")
    return float(value)


def positive(value: Any) -> float:
    found = number(value)
    if found <= 0:
        raise ValueError("not more than 0")
    return found


def size(value: Any) -> int:
    return max(1, int(positive(value)))
