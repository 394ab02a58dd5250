"""Linting one audit item, in whatever process runs it: this one, a local worker process or a
Dask worker on another machine. Each job carries its settings, so a worker builds its
workspace (pipelines, guides) on its first job and reuses it for the rest."""

from __future__ import annotations

from dataclasses import replace

from brandlint.assets.image_files import file_stamps
from brandlint.audit.items import Item
from brandlint.audit.records import AuditedFile, FileStamp, FormCount
from brandlint.audit.score import audited_parts
from brandlint.document.reader import UnreadableFile
from brandlint.parallel import workspace_for
from brandlint.reporters.json_report import alert_from_record, alert_record
from brandlint.workspace import ASSET_FORMATS, Settings


def audit_item(settings: Settings, item: Item) -> AuditedFile:
    """Lint one piece. The document is read and resolved at its location (the file, or the
    export a row came from), so its guide, path globs and images are the same whichever
    machine runs the job; reports name it by `item.path`."""
    workspace = workspace_for(settings)
    try:
        document = workspace.document(
            item.location,
            item.text,
            format=item.format,
            lang=item.lang,
            channel=item.channel,
        )
    except UnreadableFile as exc:
        return AuditedFile.skip(item.path, str(exc))
    linter = workspace.linter_for(document.path)
    alerts, forms = linter.lint_with_forms(document)
    categories, voice, voice_min = audited_parts(linter, document)
    return AuditedFile(
        path=item.path,
        # stylesheets and graphics have no channel; the report groups them as assets
        channel=document.channel or ("(assets)" if document.format in ASSET_FORMATS else ""),
        lang=document.lang or "",
        words=linter.measure(document).words,  # counted as `brandlint stats` counts them
        # as records, so a fresh result equals one read back from the cache
        alerts=tuple(alert_from_record(alert_record(replace(a, path=item.path))) for a in alerts),
        forms=tuple(
            FormCount(rule, form, count)
            for rule, counts in forms.items()
            for form, count in counts.items()
        ),
        # image files judged by size: a cached result is stale once one of them changes
        depends=tuple(
            FileStamp(*stamp)
            for stamp in file_stamps(item.location, [i.src for i in document.images])
        ),
        categories=categories,
        voice=voice,
        voice_min=voice_min,
    )
