"""What the lint worker's engine answers (`engine`), as the server receives it: plain data
in a module of its own, so that the server, which unpickles it, never imports the engine
(the linter, the rules and the workspace: 60 ms of CPU before the first diagnostics)."""

from __future__ import annotations

from dataclasses import dataclass

from brandlint.core.alerts import Alert
from brandlint.core.errors import Problem


@dataclass(frozen=True)
class GuideState:
    """The guide a document is linted with and what is wrong with it: its warnings, or,
    when it could not be loaded at all (`failed`), its errors."""

    path: str
    problems: tuple[Problem, ...]
    failed: bool = False


@dataclass(frozen=True)
class Linting:
    """What linting an editor buffer gave: its alerts, or None when its guide could not be
    loaded (`guide.failed`) or it has no configuration to lint with (`refused` says why, as
    the user can put it right)."""

    alerts: tuple[Alert, ...] | None
    guide: GuideState | None
    refused: str = ""
