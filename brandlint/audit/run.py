"""Running an audit: cache lookups here, linting in worker processes, a corpus summary."""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from brandlint.assets.image_files import stamps_current
from brandlint.audit import worker
from brandlint.audit.cache import ResultCache, guide_fingerprint
from brandlint.audit.items import Item, export_items, is_export
from brandlint.audit.records import (
    AuditedFile,
    AuditResult,
    ChannelScore,
    DocumentScore,
    FormSpread,
    RuleScore,
    SkippedFile,
    Summary,
    Variant,
)
from brandlint.audit.score import compliance, document_score, weighted_score
from brandlint.core.alerts import Level
from brandlint.workspace import Settings, Workspace


@dataclass
class AuditOptions:
    paths: Sequence[str]
    settings: Settings
    workers: int = 1
    cache: str | None = ".brandlint-cache"
    progress: bool = False
    encoding: str | None = None  # of exports that are not UTF-8


def items(
    workspace: Workspace, paths: Sequence[str], encoding: str | None = None
) -> Iterator[Item]:
    """Every piece under `paths`, in one walk of each folder. What cannot be audited (a
    named pipe, a broken row) comes as an item with a `problem`."""
    passed: list[Item] = []

    def skip(path: str, reason: str) -> None:
        passed.append(Item(path, os.path.abspath(path), problem=reason))

    for path in workspace.files(paths, also=is_export, on_skip=skip):
        yield from passed
        passed.clear()
        if is_export(path):
            yield from export_items(path, encoding)
        else:
            yield Item(path, os.path.abspath(path))
    yield from passed


def progress(done: int, total: int, cached: int) -> None:
    filled = 30 * done // max(total, 1)
    sys.stderr.write(
        f"\r[{'#' * filled}{' ' * (30 - filled)}] {done}/{total} audited, {cached} cached"
    )


def run_audit(options: AuditOptions, executor: Executor | None = None) -> AuditResult:
    workspace = Workspace(options.settings)
    cache = ResultCache(options.cache)
    fingerprints: dict[str, str] = {}
    results: dict[int, AuditedFile] = {}
    todo: list[tuple[int, Item, str]] = []
    pieces = list(items(workspace, options.paths, options.encoding))
    for index, item in enumerate(pieces):
        if item.problem is not None:
            results[index] = AuditedFile.skip(item.path, item.problem)
            continue
        source = item.location
        guide_path = str(workspace.guide_path_for(source))
        if guide_path not in fingerprints:
            fingerprints[guide_path] = guide_fingerprint(workspace.linter_for(source).guide)
        try:
            content = item.text.encode() if item.text is not None else Path(source).read_bytes()
        except OSError as exc:
            results[index] = AuditedFile.skip(item.path, str(exc))
            continue
        key = cache.key(fingerprints[guide_path], item.path, content, item.channel, item.lang)
        cached = cache.get(key)
        if cached is not None and stamps_current(cached.depends):
            results[index] = cached
        else:
            todo.append((index, item, key))
    own = executor is None and options.workers > 1
    if own:
        executor = ProcessPoolExecutor(options.workers)
    job = partial(worker.audit_item, options.settings)
    try:
        jobs = [t[1] for t in todo]
        outcomes: Iterator[AuditedFile] = (
            map(job, jobs) if executor is None else executor.map(job, jobs, chunksize=8)
        )
        for done, ((index, _, key), result) in enumerate(zip(todo, outcomes, strict=True), 1):
            results[index] = result
            cache.put(key, result)  # a skip (binary, not UTF-8) is as stable as a result
            if options.progress:
                progress(done, len(todo), len(pieces) - len(todo))
    finally:
        if own and executor is not None:
            executor.shutdown()
    if options.progress and todo:
        sys.stderr.write("\n")
    return summarize([results[i] for i in sorted(results)])


def summarize(results: list[AuditedFile]) -> AuditResult:
    audited = [r for r in results if r.skipped is None]
    documents = [
        DocumentScore(
            path=r.path,
            channel=r.channel,
            lang=r.lang,
            words=r.words,
            score=document_score((a.level for a in r.alerts), r.words),
            alerts=len(r.alerts),
        )
        for r in audited
    ]
    alerts = [a for r in audited for a in r.alerts]
    forms: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for result in audited:
        for found in result.forms:
            forms[found.rule][found.form].append(result.path)
    levels = Counter(a.level for a in alerts)
    by_channel: dict[str, list[DocumentScore]] = defaultdict(list)
    for document in documents:
        by_channel[document.channel or "(none)"].append(document)
    rules = Counter((a.rule, a.level) for a in alerts)
    files_with: Counter[str] = Counter()
    for result in audited:
        files_with.update({a.rule for a in result.alerts})
    return AuditResult(
        summary=Summary(
            files=len(documents),
            skipped=len(results) - len(audited),
            words=sum(d.words for d in documents),
            alerts=len(alerts),
            errors=levels[Level.ERROR],
            warnings=levels[Level.WARNING],
            suggestions=levels[Level.SUGGESTION],
            score=weighted_score(documents),
        ),
        channels=tuple(
            ChannelScore(
                channel=c,
                files=len(ds),
                words=sum(d.words for d in ds),
                alerts=sum(d.alerts for d in ds),
                score=weighted_score(ds),
            )
            for c, ds in sorted(by_channel.items())
        ),
        rules=tuple(
            RuleScore(
                rule=r,
                level=level,
                count=n,
                files=files_with[r],
                compliance=compliance(files_with[r], len(documents)),
            )
            for (r, level), n in rules.most_common()
        ),
        documents=tuple(sorted(documents, key=lambda d: (d.score, d.path))),
        variants=tuple(
            Variant(
                rule=rule,
                forms=tuple(
                    FormSpread(form=f, files=len(set(ps)), examples=tuple(sorted(set(ps))[:5]))
                    for f, ps in sorted(found.items(), key=lambda kv: (-len(set(kv[1])), kv[0]))
                ),
            )
            for rule, found in sorted(forms.items())
            if len(found) > 1
        ),
        alerts=tuple(alerts),
        skipped=tuple(SkippedFile(r.path, r.skipped) for r in results if r.skipped is not None),
    )
