"""Running an audit: cache lookups here, linting in worker processes, a corpus summary."""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
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
from brandlint.audit.score import (
    compliance,
    corpus_score,
    document_score,
    lowest_first,
    voice_spread,
)
from brandlint.core.alerts import Level
from brandlint.parallel import balanced, share
from brandlint.workspace import Settings, Workspace


@dataclass
class AuditOptions:
    paths: Sequence[str]
    settings: Settings
    workers: int = 1
    cache: str | None = ".brandlint-cache"
    progress: bool = False
    encoding: str | None = None  # of exports that are not UTF-8
    # files the run itself reads or appends to (`--history`, `--compare`), never audited
    # even inside an audited folder: a history is JSON Lines, which reads as an export
    leave_out: frozenset[str] = frozenset()


def items(
    workspace: Workspace,
    paths: Sequence[str],
    encoding: str | None = None,
    leave_out: frozenset[str] = frozenset(),
) -> Iterator[Item]:
    """Every piece under `paths`, in one walk of each folder. What cannot be audited (a
    named pipe, a broken row) comes as an item with a `problem`."""
    passed: list[Item] = []

    def skip(path: str, reason: str) -> None:
        passed.append(Item(path, os.path.abspath(path), problem=reason))

    for path in workspace.files(paths, also=is_export, on_skip=skip):
        yield from passed
        passed.clear()
        if os.path.abspath(path) in leave_out:
            continue
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
    sizes: list[int] = []
    pieces = list(items(workspace, options.paths, options.encoding, options.leave_out))
    for index, item in enumerate(pieces):
        if item.problem is not None:
            results[index] = AuditedFile.skip(item.path, item.problem)
            continue
        source = item.location
        guide_path = str(workspace.guide_path_for(source))
        if guide_path not in fingerprints:
            linter = workspace.linter_for(source)
            fingerprints[guide_path] = guide_fingerprint(linter.guide)
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
            sizes.append(len(content))
    reused = len(pieces) - len(todo)
    own = executor is None and options.workers > 1
    if own and todo:
        # the first piece is audited here, which loads the pipelines and matchers that the
        # workers forked next inherit
        share(workspace)
        index, item, key = todo.pop(0)
        results[index] = worker.audit_item(options.settings, item)
        cache.put(key, results[index])
        sizes.pop(0)
    if own:
        executor = ProcessPoolExecutor(options.workers)
    job = partial(worker.audit_item, options.settings)
    try:
        jobs = [t[1] for t in todo]
        outcomes: Iterator[tuple[int, AuditedFile]] = (
            enumerate(map(job, jobs))
            if executor is None
            else balanced(executor, job, jobs, sizes, options.workers, ordered=False)
        )
        for done, (at, result) in enumerate(outcomes, 1):
            index, _, key = todo[at]
            results[index] = result
            cache.put(key, result)  # a skip (binary, not UTF-8) is as stable as a result
            if options.progress:
                progress(done, len(todo), reused)
    finally:
        if own and executor is not None:
            executor.shutdown()
    if options.progress and todo:
        sys.stderr.write("\n")
    summary = summarize([results[i] for i in sorted(results)])
    return replace(summary, guides=tuple(sorted(fingerprints.values())))


def summarize(results: list[AuditedFile]) -> AuditResult:
    audited = [r for r in results if r.skipped is None]
    documents = [document_score(r) for r in audited]
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
            scores=corpus_score(documents),
            voice=voice_spread(documents),
        ),
        channels=tuple(
            ChannelScore(
                channel=c,
                files=len(ds),
                words=sum(d.words for d in ds),
                alerts=sum(d.alerts for d in ds),
                scores=corpus_score(ds),
                voice=voice_spread(ds),
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
        documents=tuple(sorted(documents, key=lowest_first)),
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
