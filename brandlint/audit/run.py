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
from typing import Any

from brandlint.assets.image_files import stamps_current
from brandlint.audit import worker
from brandlint.audit.cache import ResultCache, guide_fingerprint
from brandlint.audit.items import Item, export_items, is_export
from brandlint.audit.score import compliance, document_score, weighted_score
from brandlint.workspace import Settings, Workspace


@dataclass
class AuditOptions:
    paths: Sequence[str]
    settings: Settings
    workers: int = 1
    cache: str | None = ".brandlint-cache"
    progress: bool = False


def items(workspace: Workspace, paths: Sequence[str]) -> Iterator[Item]:
    """Every piece under `paths`, in one walk of each folder."""
    for path in workspace.files(paths, also=is_export):
        if is_export(path):
            yield from export_items(path)
        else:
            yield Item(path, os.path.abspath(path))


def progress(done: int, total: int, cached: int) -> None:
    filled = 30 * done // max(total, 1)
    sys.stderr.write(
        f"\r[{'#' * filled}{' ' * (30 - filled)}] {done}/{total} audited, {cached} cached"
    )


def run_audit(options: AuditOptions, executor: Executor | None = None) -> dict[str, Any]:
    workspace = Workspace(options.settings)
    cache = ResultCache(options.cache)
    fingerprints: dict[str, str] = {}
    results: dict[int, dict[str, Any]] = {}
    todo: list[tuple[int, Item, str]] = []
    pieces = list(items(workspace, options.paths))
    for index, item in enumerate(pieces):
        source = item.location
        guide_path = str(workspace.guide_path_for(source))
        if guide_path not in fingerprints:
            fingerprints[guide_path] = guide_fingerprint(workspace.linter_for(source).guide)
        try:
            content = item.text.encode() if item.text is not None else Path(source).read_bytes()
        except OSError as exc:
            results[index] = {"path": item.path, "skipped": str(exc)}
            continue
        key = cache.key(fingerprints[guide_path], item.path, content, item.channel, item.lang)
        cached = cache.get(key)
        if cached is not None and stamps_current(cached.get("depends") or []):
            results[index] = cached
        else:
            todo.append((index, item, key))
    own = executor is None and options.workers > 1
    if own:
        executor = ProcessPoolExecutor(options.workers)
    job = partial(worker.audit_item, options.settings)
    try:
        jobs = [t[1] for t in todo]
        outcomes: Iterator[dict[str, Any]] = (
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


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    documents = []
    alerts: list[dict[str, Any]] = []
    skipped = []
    forms: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for result in results:
        if "skipped" in result:
            skipped.append({"path": result["path"], "reason": result["skipped"]})
            continue
        score = document_score(result["alerts"], result["words"])
        documents.append(
            {
                "path": result["path"],
                "channel": result["channel"],
                "lang": result["lang"],
                "words": result["words"],
                "score": score,
                "alerts": len(result["alerts"]),
            }
        )
        alerts.extend(result["alerts"])
        for rule, counts in result["forms"].items():
            for form in counts:
                forms[rule][form].append(result["path"])
    levels = Counter(a["level"] for a in alerts)
    by_channel: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for document in documents:
        by_channel[document["channel"] or "(none)"].append(document)
    rules = Counter((a["rule"], a["level"]) for a in alerts)
    files_with: Counter[str] = Counter()
    for result in results:
        if "skipped" not in result:
            files_with.update({a["rule"] for a in result["alerts"]})
    return {
        "summary": {
            "files": len(documents),
            "skipped": len(skipped),
            "words": sum(d["words"] for d in documents),
            "alerts": len(alerts),
            "errors": levels["error"],
            "warnings": levels["warning"],
            "suggestions": levels["suggestion"],
            "score": weighted_score(documents),
        },
        "channels": [
            {
                "channel": c,
                "files": len(ds),
                "words": sum(d["words"] for d in ds),
                "alerts": sum(d["alerts"] for d in ds),
                "score": weighted_score(ds),
            }
            for c, ds in sorted(by_channel.items())
        ],
        "rules": [
            {
                "rule": r,
                "level": lv,
                "count": n,
                "files": files_with[r],
                "compliance": compliance(files_with[r], len(documents)),
            }
            for (r, lv), n in rules.most_common()
        ],
        "documents": sorted(documents, key=lambda d: (d["score"], d["path"])),
        "variants": [
            {
                "rule": rule,
                "forms": [
                    {"form": f, "files": len(set(ps)), "examples": sorted(set(ps))[:5]}
                    for f, ps in sorted(found.items(), key=lambda kv: (-len(set(kv[1])), kv[0]))
                ],
            }
            for rule, found in sorted(forms.items())
            if len(found) > 1
        ],
        "alerts": alerts,
        "skipped": skipped,
    }
