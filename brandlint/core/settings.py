"""The user's settings for a workspace: on its own, so that a shell reads and passes them
without importing the engine (the language server's process never lints: its lint worker
does)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """What the user asked for on the command line or in the editor."""

    guide: str | None = None
    lang: str | None = None
    channel: str | None = None
    exclude: tuple[str, ...] = ()
    vale_config: str | None = None  # a .vale.ini to lint every file with (--vale-config)
    rule_filter: str | None = None  # an expression choosing the rules that run (--filter)
    min_level: str | None = None  # a Vale project's MinAlertLevel instead of its own (--min-level)
    read_as: str | None = None  # the format of every file, whatever its name (--read-as)
    # Vale drop-in mode (--vale-compat): Vale's alert positions, and no Vale configuration
    # is Vale's error rather than the bundled guide
    vale_compat: bool = False
    # guides an editor changed and has not saved (the server's guide actions): (resolved
    # path, text), read instead of the file
    guide_texts: tuple[tuple[str, str], ...] = ()
