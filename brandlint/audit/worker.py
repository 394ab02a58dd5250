"""Linting one audit item, in whatever process runs it: this one, a local worker process or a
Dask worker on another machine. Each job carries its settings, so a worker builds its
workspace (pipelines, guides) on its first job and reuses it for the rest.

A Dask worker need not see the client's files: its jobs carry each file's bytes, and the
guides the client compiled reach every worker once (`ShippedGuides`), kept there by their
fingerprints. They travel as pickles, as everything between a Dask client and its workers
does: a cluster is a trusted boundary, like the machine a local worker forks on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from brandlint import __version__
from brandlint.assets.image_files import file_stamps
from brandlint.audit.items import Item
from brandlint.audit.records import AuditedFile, FileStamp, FormCount
from brandlint.audit.score import audited_parts
from brandlint.core.errors import UsageError
from brandlint.document.reader import UnreadableFile
from brandlint.parallel import ShippedGuide, workspace_for
from brandlint.reporters.json_report import alert_record
from brandlint.workspace import ASSET_FORMATS, Settings


@dataclass(frozen=True)
class ShippedGuides:
    """The guides one audit compiled, by fingerprint, sent to every Dask worker once, and
    the brandlint version that compiled them: a pickled rule is read only by the code that
    wrote it."""

    version: str
    guides: Mapping[str, ShippedGuide]


@dataclass(frozen=True)
class ShippedItem:
    """A job for a worker that may not see the client's files: the piece, the bytes the
    client read for it (None for an export row, whose text the item holds), and the
    fingerprint of its guide among those shipped (None: the worker reads the guide at its
    path, as it must for a Vale configuration)."""

    item: Item
    data: bytes | None
    guide: str | None


def audit_shipped(settings: Settings, shipped: ShippedGuides, job: ShippedItem) -> AuditedFile:
    """Lint one piece on a Dask worker, with the guide and bytes the client sent."""
    if shipped.version != __version__:  # a worker that joined after the client checked
        raise UsageError(
            f"a Dask worker runs brandlint {__version__} and this client {shipped.version}: "
            f"install brandlint=={shipped.version} on every worker"
        )
    guide = shipped.guides[job.guide] if job.guide is not None else None
    return audit_item(settings, job.item, job.data, guide)


def warm(settings: Settings, item: Item) -> None:
    """Build this process's workspace (spaCy, the pipelines, the guide's matchers, what
    rules load on first use) on a first piece while the main process walks the folders:
    each local worker is sent one of these as it starts. The piece is audited again as
    a job of its own; this result is not needed."""
    audit_item(settings, item)


def audit_item(
    settings: Settings,
    item: Item,
    data: bytes | None = None,
    guide: ShippedGuide | None = None,
) -> AuditedFile:
    """Lint one piece. The document is resolved at its location (the file, or the export a
    row came from), so its path globs and channel folders are the same whichever machine
    runs the job; it is read there unless its `data` came with it, and its guide found
    there unless the compiled `guide` came with it. Reports name it by `item.path`."""
    workspace = workspace_for(settings, guide)
    try:
        document = workspace.document(
            item.location,
            item.text,
            data=data,
            format=item.format,
            lang=item.lang,
            channel=item.channel,
        )
    except UnreadableFile as exc:
        return AuditedFile.skip(item.path, str(exc))
    linter = workspace.linter_for(document.path)
    alerts, forms, ctx = linter.lint_with_forms(document)
    categories, voice, voice_min = audited_parts(linter, document, ctx)
    return AuditedFile.found(
        item.path,
        # as records, so a fresh result equals one read back from the cache
        [alert_record(replace(a, path=item.path)) for a in alerts],
        # stylesheets and graphics have no channel; the report groups them as assets
        channel=document.channel or ("(assets)" if document.format in ASSET_FORMATS else ""),
        lang=document.lang or "",
        words=linter.measure(document).words,  # counted as `brandlint stats` counts them
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
