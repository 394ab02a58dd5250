"""Linting one audit item, in a worker process (or in this one) with its own workspace."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from brandlint.audit.items import Item
from brandlint.document.reader import UnreadableFile, parse_document, read_document
from brandlint.reporters.json_report import alert_record
from brandlint.workspace import Settings, Workspace

_WORKSPACE: list[Workspace] = []  # one per worker process, made by `start`


def start(settings: Settings) -> None:
    """Process initializer: each worker builds its pipelines and guides once."""
    _WORKSPACE[:] = [Workspace(settings)]


def audit_item(item: Item) -> dict[str, Any]:
    workspace = _WORKSPACE[0]
    base: dict[str, Any] = {"path": item.path}
    try:
        linter = workspace.linter_for(item.path.split("#", 1)[0])
        if item.text is None:
            with open(item.path, "rb") as handle:
                document = read_document(item.path, handle.read())
        else:
            document = parse_document(item.path, item.text, item.format or "text")
            if item.channel:
                document = replace(document, meta={**document.meta, "channel": item.channel})
            if item.lang:
                document = replace(document, lang=item.lang)
    except (UnreadableFile, OSError) as exc:
        return {**base, "skipped": str(exc)}
    document = workspace.prepare(document, linter.guide)
    alerts, forms = linter.lint_with_forms(document)
    return {
        **base,
        "channel": document.channel or "",
        "lang": document.lang or "",
        "words": len(document.text.split()),
        "alerts": [alert_record(a) for a in alerts],
        "forms": {rule: dict(counts) for rule, counts in forms.items()},
    }
