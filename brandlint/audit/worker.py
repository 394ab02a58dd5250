"""Linting one audit item, in whatever process runs it: this one, a local worker process or a
Dask worker on another machine. Each job carries its settings, so a worker builds its
workspace (pipelines, guides) on its first job and reuses it for the rest."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from brandlint.assets.image_files import file_stamps
from brandlint.audit.items import Item
from brandlint.document.reader import UnreadableFile, parse_document, read_document
from brandlint.parallel import workspace_for
from brandlint.reporters.json_report import alert_record
from brandlint.workspace import ASSET_FORMATS, Settings


def audit_item(settings: Settings, item: Item) -> dict[str, Any]:
    workspace = workspace_for(settings)
    base: dict[str, Any] = {"path": item.path}
    try:
        linter = workspace.linter_for(item.location)
        if item.text is None:
            with open(item.location, "rb") as handle:
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
        # stylesheets and graphics have no channel; the report groups them as assets
        "channel": document.channel or ("(assets)" if document.format in ASSET_FORMATS else ""),
        "lang": document.lang or "",
        "words": len(document.text.split()),
        "alerts": [alert_record(a) for a in alerts],
        "forms": {rule: dict(counts) for rule, counts in forms.items()},
        # image files judged by size: a cached result is stale once one of them changes
        "depends": file_stamps(item.location, [i.src for i in document.images]),
    }
