"""Running an audit: cache lookups here, linting in worker processes, a corpus summary."""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

from brandlint import __version__
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
from brandlint.audit.spool import AlertSpool
from brandlint.core.alerts import Level
from brandlint.parallel import ShippedGuide, balanced, share
from brandlint.workspace import Settings, Workspace


@runtime_checkable
class RemoteExecutor(Protocol):
    """An executor whose workers may not see this machine's files (`DaskExecutor`): the
    audit ships its compiled guides to them once, and sends each file's bytes with its job."""

    @property
    def workers(self) -> int: ...

    def ship(self, value: object) -> object: ...


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
    """Audit every piece under `options.paths`: cached results where the piece and its
    guide are unchanged, the rest linted on `executor`, or on `options.workers` processes
    of this machine.

    Local workers start at the first piece to lint, before this process has loaded any
    pipeline: it lints nothing itself (but, with a remote executor, a piece whose image
    files only this machine has). Each worker builds its pipelines on a first piece while
    this process walks on, so that start-up overlaps the walk, and this process stays
    small, holding only what the reports need (an audit of 10,000 pieces that linted its
    first piece here, or all of them with one worker, took it to 146-148 MiB)."""
    workspace = Workspace(options.settings)
    cache = ResultCache(options.cache)
    remote = executor if isinstance(executor, RemoteExecutor) else None
    fingerprints: dict[str, str] = {}
    # by folder: a guide is found from a file's folder up, a dozen lookups a file
    guide_paths: dict[str, str] = {}
    guides: dict[str, ShippedGuide] = {}  # what a remote worker is sent, by fingerprint
    summary = RunningSummary()
    todo: list[tuple[int, Item, str]] = []
    sizes: list[int] = []
    shipped: list[worker.ShippedItem] = []  # the jobs of `todo`, for remote workers
    own = executor is None
    warming: list[Future[None]] = []
    pieces = 0
    try:
        for index, item in enumerate(
            items(workspace, options.paths, options.encoding, options.leave_out)
        ):
            pieces += 1
            if item.problem is not None:
                summary.add(index, AuditedFile.skip(item.path, item.problem))
                continue
            source = item.location
            folder = os.path.dirname(source)
            guide_path = guide_paths.get(folder)
            if guide_path is None:
                guide_path = guide_paths[folder] = str(workspace.guide_path_for(source))
            if guide_path not in fingerprints:
                linter = workspace.linter_for(source)
                fingerprint = fingerprints[guide_path] = guide_fingerprint(linter.guide)
                if workspace.vale_project_for(source) is None:  # read in place, not sent
                    resolved = str(Path(guide_path).resolve())
                    guides[fingerprint] = ShippedGuide(resolved, fingerprint, linter.guide)
            try:
                if item.text is not None:
                    content = item.text.encode()
                else:
                    with open(source, "rb") as handle:
                        content = handle.read()
            except OSError as exc:
                summary.add(index, AuditedFile.skip(item.path, str(exc)))
                continue
            key = cache.key(fingerprints[guide_path], item.path, content, item.channel, item.lang)
            cached = cache.get(key)
            if cached is not None and stamps_current(cached.depends):
                summary.add(index, cached)
                continue
            if own and executor is None:  # the first piece to lint: start the workers
                share(workspace)  # forked, they inherit its compiled guides
                executor = ProcessPoolExecutor(options.workers)
                warming = [
                    executor.submit(worker.warm, options.settings, item)
                    for _ in range(options.workers)
                ]
            todo.append((index, item, key))
            sizes.append(len(content))
            if remote is not None:
                fingerprint = fingerprints[guide_path]
                data = content if item.text is None else None
                shipped.append(
                    worker.ShippedItem(item, data, fingerprint if fingerprint in guides else None)
                )
        reused = pieces - len(todo)
        outcomes: Iterator[tuple[int, AuditedFile]] = iter(())
        if remote is not None:
            outcomes = _remote_outcomes(remote, remote, options.settings, shipped, sizes, guides)
        elif executor is not None:
            job = partial(worker.audit_item, options.settings)
            jobs = [t[1] for t in todo]
            outcomes = balanced(executor, job, jobs, sizes, options.workers, ordered=False)
        for done, (at, result) in enumerate(outcomes, 1):
            index, item, key = todo[at]
            if remote is not None and any(
                stamp.size is None and os.path.isfile(stamp.path) for stamp in result.depends
            ):
                # the worker has no copy of an image file here, and judged the copy alone:
                # judge it here, with the file, as a local run does
                share(workspace)
                result = worker.audit_item(options.settings, item)
            summary.add(index, result)
            cache.put(key, result)  # a skip (binary, not UTF-8) is as stable as a result
            if options.progress:
                progress(done, len(todo), reused)
        for warm in warming:
            warm.result()  # a failure there failed the pieces too; this only says so
    finally:
        if own and executor is not None:
            executor.shutdown(cancel_futures=True)
    if options.progress and todo:
        sys.stderr.write("\n")
    return summary.result(tuple(sorted(fingerprints.values())))


def _remote_outcomes(
    remote: RemoteExecutor,
    executor: Executor,
    settings: Settings,
    jobs: list[worker.ShippedItem],
    sizes: list[int],
    guides: dict[str, ShippedGuide],
) -> Iterator[tuple[int, AuditedFile]]:
    """The jobs on workers that may not see this machine's files: each carries its file's
    bytes and the fingerprint of its guide; the guides they use go to every worker once."""
    used = {job.guide for job in jobs}
    sent = remote.ship(
        worker.ShippedGuides(__version__, {f: g for f, g in guides.items() if f in used})
    )
    work = partial(worker.audit_shipped, settings)
    return balanced(executor, work, jobs, sizes, remote.workers, ordered=False, shared=(sent,))


class RunningSummary:
    """The audit's totals, counted as each piece's record arrives, in whatever order: its
    score and tallies are kept, its alerts spooled to disk (`AlertSpool`), the record let
    go. The result is what summing the records in the pieces' order gives."""

    def __init__(self) -> None:
        self.alerts = AlertSpool()
        self.documents: dict[int, DocumentScore] = {}
        self.skipped: dict[int, SkippedFile] = {}
        self.levels: Counter[Level] = Counter()
        self.rules: Counter[tuple[str, Level]] = Counter()
        # where each (rule, level) first occurs, (piece, tally): rules of equal counts are
        # listed in that order
        self.first: dict[tuple[str, Level], tuple[int, int]] = {}
        self.files_with: Counter[str] = Counter()
        self.forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(self, index: int, result: AuditedFile) -> None:
        if result.skipped is not None:
            self.skipped[index] = SkippedFile(result.path, result.skipped)
            return
        document = self.documents[index] = document_score(result)
        self.alerts.add(index, result.records, document.alerts)
        for position, tally in enumerate(result.tallies):
            key = (tally.rule, tally.level)
            self.levels[tally.level] += tally.alerts
            self.rules[key] += tally.alerts
            self.first[key] = min(self.first.get(key, (index, position)), (index, position))
        self.files_with.update({tally.rule for tally in result.tallies})
        for found in result.forms:
            self.forms[found.rule][found.form].add(result.path)

    def result(self, guides: tuple[str, ...]) -> AuditResult:
        documents = [self.documents[i] for i in sorted(self.documents)]
        by_channel: dict[str, list[DocumentScore]] = defaultdict(list)
        for document in documents:
            by_channel[document.channel or "(none)"].append(document)
        rules = Counter(
            {key: self.rules[key] for key in sorted(self.rules, key=self.first.__getitem__)}
        )
        files_with, levels = self.files_with, self.levels
        return AuditResult(
            summary=Summary(
                files=len(documents),
                skipped=len(self.skipped),
                words=sum(d.words for d in documents),
                alerts=len(self.alerts),
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
                        FormSpread(form=f, files=len(ps), examples=tuple(sorted(ps)[:5]))
                        for f, ps in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                    ),
                )
                for rule, found in sorted(self.forms.items())
                if len(found) > 1
            ),
            alerts=self.alerts,
            skipped=tuple(self.skipped[i] for i in sorted(self.skipped)),
            guides=guides,
        )
