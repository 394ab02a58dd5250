"""brandlint: a brand-voice consistency checker and style linter for copy on every channel.

The public API is small and import-light (spaCy loads on first lint):

    from brandlint import Workspace, load_guide, Linter
    alerts = Workspace().lint_text("We leverage synergy.", path="post.md")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = [
    "Alert",
    "GuideError",
    "Level",
    "Linter",
    "Settings",
    "Span",
    "Workspace",
    "__version__",
    "load_guide",
]

if TYPE_CHECKING:
    from brandlint.core.alerts import Alert, Level, Span
    from brandlint.core.errors import GuideError
    from brandlint.guide.loader import load_guide
    from brandlint.linter import Linter
    from brandlint.workspace import Settings, Workspace

_HOMES = {
    "Alert": "core.alerts",
    "Level": "core.alerts",
    "Span": "core.alerts",
    "GuideError": "core.errors",
    "load_guide": "guide.loader",
    "Linter": "linter",
    "Workspace": "workspace",
    "Settings": "workspace",
}


def __getattr__(name: str) -> Any:
    """Import on first use so `brandlint --version` does not pay for spaCy."""
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(f"brandlint.{_HOMES[name]}"), name)
    raise AttributeError(name)
