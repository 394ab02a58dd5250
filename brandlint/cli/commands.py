"""The subcommands. Each parses nothing and lints nothing itself: it asks the workspace."""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from brandlint.cli.exit_codes import EXIT_ALERTS, EXIT_CLEAN, EXIT_USAGE
from brandlint.cli.score import score as score  # `brandlint score`, in its own module
from brandlint.cli.terms import terms as terms  # `brandlint terms`, in its own module
from brandlint.cli.voice import voice as voice  # `brandlint voice`, in its own module
from brandlint.core.alerts import Alert, Level
from brandlint.core.errors import UsageError
from brandlint.workspace import Settings, Workspace

if TYPE_CHECKING:
    from brandlint.audit.records import AuditResult
    from brandlint.baseline import Key
    from brandlint.changed_lines import ChangedLines
    from brandlint.core.spec import RuleSpec
    from brandlint.fixer import Held
    from brandlint.guide.model import Guide
    from brandlint.scores import Scored
    from brandlint.stats import VoiceMetrics


def _workspace(args: argparse.Namespace) -> Workspace:
    guide = getattr(args, "guide", None)
    if guide and not os.path.isfile(guide):
        why = "not a regular file" if os.path.exists(guide) else "no such file"
        raise UsageError(f"--guide {guide}: {why}")
    vale_config = getattr(args, "vale_config", None)
    if vale_config and not os.path.isfile(vale_config):
        why = "not a regular file" if os.path.exists(vale_config) else "no such file"
        raise UsageError(f"--vale-config {vale_config}: {why}")
    if guide and vale_config:
        raise UsageError("--guide and --vale-config each name the configuration; give one")
    return Workspace(
        Settings(
            guide=guide,
            lang=getattr(args, "lang", None),
            channel=getattr(args, "channel", None),
            exclude=tuple(getattr(args, "exclude", ()) or ()),
            # absolute: audit workers may run in another folder
            vale_config=os.path.abspath(vale_config) if vale_config else None,
            rule_filter=_rule_filter(getattr(args, "filter", None)),
            min_level=getattr(args, "min_level", None),
            read_as=_read_as(getattr(args, "read_as", None)),
            vale_compat=bool(getattr(args, "vale_compat", False)),
        )
    )


def _read_as(given: str | None) -> str | None:
    """`--read-as`: a format name, or an extension standing for its format (exit 2 if
    neither)."""
    if not given:
        return None
    from brandlint.document.reader import FORMAT_NAMES, format_of, named_format

    if given in FORMAT_NAMES:
        return given
    name = "x" + (given if given.startswith(".") else "." + given)
    found = format_of(name) or named_format(name)
    if found is None:
        names = ", ".join(sorted(FORMAT_NAMES))
        raise UsageError(
            f"--read-as {given}: not a format or an extension brandlint reads ({names})"
        )
    return found


def _included(path: str, globs: Sequence[str]) -> bool:
    """`--include`: whether a path matches one of the globs, as Vale's --glob matches."""
    if not globs:
        return True
    from brandlint.guide.vale_ini import ValeGlob

    relative = os.path.normpath(path).replace(os.sep, "/")
    return any(ValeGlob(glob).match(relative) for glob in globs)


def _rule_filter(given: str | None) -> str | None:
    """`--filter`: an expression, or the file holding one; checked here (exit 2)."""
    if not given:
        return None
    from brandlint.rule_filter import FilterError, parse_filter

    text = Path(given).read_text(encoding="utf-8") if os.path.isfile(given) else given
    try:
        parse_filter(text)
    except FilterError as exc:
        raise UsageError(str(exc)) from None
    return text


def _show_guide_warnings(workspace: Workspace, path: str) -> None:
    for problem in workspace.linter_for(path).guide.warnings:
        print(problem, file=sys.stderr)


def _note_skip(path: str, reason: str) -> None:
    """A path the walker left alone (a pipe, a device, a socket): one line on stderr."""
    print(f"{path}: skipped, {reason}", file=sys.stderr)


def _require_paths(paths: Sequence[str], stdin: bool = False) -> None:
    for given in paths:
        if not (stdin and given == "-") and not os.path.exists(given):
            raise UsageError(f"{given}: no such file or folder")


def _refuse_overwriting_inputs(option: str, target: str | None, inputs: Iterable[str]) -> None:
    """Exit 2 before a report is written over a file it reports on, or where it cannot go
    (checked before the work, so a long run does not end in an error)."""
    if not target:
        return
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise UsageError(f"{option} {target}: no such folder {folder}")
    if os.path.isdir(target):
        raise UsageError(f"{option} {target}: is a folder")
    if not os.path.exists(target):
        return
    for path in inputs:
        try:
            same = os.path.samefile(target, path)
        except OSError:
            continue
        if same:
            raise UsageError(f"{option} {target}: is one of the inputs; refusing to overwrite it")


def _open_for_writing(option: str, target: str, newline: str | None = None) -> TextIO:
    try:
        return open(target, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise UsageError(f"{option} {target}: cannot write: {exc.strerror or exc}") from None


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Where the report goes. The report is written while files are linted, so a regular
    file is written beside its target and renamed over it only when the run completes: a
    crash or Ctrl-C mid-run leaves the previous report (or none), never half of one. A
    device or a pipe (`/dev/null`, `/dev/stdout`) is written directly."""
    if not path:
        yield sys.stdout
        return
    if os.path.exists(path) and not os.path.isfile(path):
        with _open_for_writing("--output", path) as handle:
            yield handle
        return
    target = os.path.realpath(path)  # through a link: the link stays a link
    try:
        fd, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".brandlint-")
    except OSError as exc:
        raise UsageError(f"--output {path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        if os.path.exists(target):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    """The process's umask (read by setting it, then put back): a new report gets the
    permissions `open()` would have given it, not mkstemp's private 0600."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _color(args: argparse.Namespace, out: TextIO) -> bool:
    if args.color != "auto":
        return bool(args.color == "always")
    return out.isatty() and not os.environ.get("NO_COLOR")


def check(args: argparse.Namespace) -> int:
    """Lint the paths and write the report as the files are linted, in the order given: the
    first alerts show while the rest are linted, and a run of 10,000 files never holds all
    of its alerts (or the sources of its files) at once."""
    from brandlint.cli.score import below
    from brandlint.reporters import Report, reporter

    workspace = _workspace(args)
    _require_paths(args.paths, stdin=True)
    changes = None  # --diff: asked of git before the work, so a wrong revision fails fast
    if args.diff:
        from brandlint.changed_lines import changed_lines

        changes = changed_lines(args.diff, [g for g in args.paths if g != "-"])
    walked = [
        (
            given,
            []
            if given == "-"
            else [
                path
                for path in workspace.files([given], on_skip=_note_skip)
                if _included(path, args.include)
            ],
        )
        for given in args.paths
    ]
    _refuse_overwriting_inputs(
        "--output",
        args.output,
        [*(g for g in args.paths if g != "-"), *(p for _, ps in walked for p in ps)],
    )
    baseline = None
    if args.baseline:
        from brandlint.baseline import load_baseline

        baseline = load_baseline(args.baseline)
    _load_guides(workspace, walked, args.stdin_filename)
    run = _CheckRun(
        min_level=Level.parse(args.min_level or "suggestion"),
        fail_level=Level.parse(args.fail_level),
        baseline=baseline,
        changes=changes,
        piped=args.stdin_filename if "-" in args.paths else None,
        sources=_Sources(workspace),
    )
    linted = _linted(workspace, walked, args, run)
    with _output(args.output) as out:
        report = Report(run.shown(linted), run.checked, run.sources, _color(args, out))
        reporter(args.format)(report, out)
    low = [] if args.score_min is None else below(run.scored, args.score_min)
    for line in low:
        print(line, file=sys.stderr)
    return EXIT_ALERTS if low or run.failed else EXIT_CLEAN


def _load_guides(
    workspace: Workspace, walked: Sequence[tuple[str, Sequence[str]]], stdin_name: str
) -> None:
    """Load every guide the files need, and show its warnings, before the first file is
    linted: the report is written as files are linted, and a broken guide must stop the
    run before any of it is. A Vale project compiles a guide per set of sections a file
    matches, so each of its files is looked at."""
    vale: dict[str, bool] = {}
    for given, paths in walked:
        if given == "-":
            workspace.linter_for(stdin_name)
        for path in paths:
            guide = str(workspace.guide_path_for(path))
            if guide not in vale:
                vale[guide] = workspace.vale_project_for(path) is not None
                _show_guide_warnings(workspace, path)
            elif vale[guide]:
                workspace.linter_for(path)


def _linted(
    workspace: Workspace,
    walked: Sequence[tuple[str, Sequence[str]]],
    args: argparse.Namespace,
    run: _CheckRun,
) -> Iterator[tuple[str, list[Alert]]]:
    """(path, alerts) of every file and of stdin, in the order given; with --score-min,
    each file's brand scores are kept in `run` on the way."""
    # the files of consecutive arguments are linted together, so that `check $(git
    # ls-files)` or pre-commit's list of files shares the workers as one folder does
    batch: list[str] = []
    for given, paths in walked:
        if given != "-":
            batch.extend(paths)
            continue
        yield from _linted_files(workspace, batch, args, run)
        batch = []
        text = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace")
        name = args.stdin_filename
        run.sources.add(name, text)
        if args.score_min is None:
            yield name, workspace.lint_text(text, name)
        else:
            from brandlint.scores import score_document

            found, score = score_document(workspace, workspace.document(name, text))
            run.scored.extend([score] if score else [])
            yield name, found
    yield from _linted_files(workspace, batch, args, run)


def _linted_files(
    workspace: Workspace, paths: Sequence[str], args: argparse.Namespace, run: _CheckRun
) -> Iterator[tuple[str, list[Alert]]]:
    """(path, alerts) of `paths` in order, on `--jobs` processes (by default every core
    once there are more than 20 files)."""
    if not paths:
        return
    jobs = args.jobs or ((os.cpu_count() or 1) if len(paths) > 20 else 1)
    if args.score_min is None:
        from brandlint.parallel import lint_files

        yield from lint_files(workspace, paths, jobs)
        return
    from brandlint.scores import score_files

    for path, found, scored in score_files(workspace, paths, jobs):
        run.scored.extend([scored] if scored else [])
        yield path, found


class _Sources(Mapping[str, str]):
    """The text of each file with alerts, read when a reporter asks for it (the text and
    Vale JSON reports show lines; the others never ask): a run neither reads every file
    twice nor holds every source. The last file read is kept, as a reporter asks for one
    file's text alert after alert."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._paths: set[str] = set()
        self._held: dict[str, str] = {}  # copy from stdin, which cannot be read again
        self._last: tuple[str, str] = ("", "")

    def add(self, path: str, text: str | None = None) -> None:
        """`path` has alerts: its text (`text`, or the file's) may be asked for."""
        self._paths.add(path)
        if text is not None:
            self._held[path] = text

    def __getitem__(self, path: str) -> str:
        if path in self._held:
            return self._held[path]
        if path not in self._paths:
            raise KeyError(path)
        if self._last[0] != path:
            self._last = (path, _source(path, self._workspace))
        return self._last[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


@dataclass
class _CheckRun:
    """What one `check` keeps while its alerts stream to the report: the files checked,
    which have alerts, their scores, and whether an alert at or above the fail level was
    shown."""

    min_level: Level
    fail_level: Level
    baseline: Counter[Key] | None  # --baseline: each alert matched is counted off
    changes: ChangedLines | None  # --diff
    piped: str | None  # the name of copy from stdin, which has no history: all of it is new
    sources: _Sources
    checked: list[str] = field(default_factory=list)
    scored: list[Scored] = field(default_factory=list)
    failed: bool = False

    def shown(self, linted: Iterable[tuple[str, list[Alert]]]) -> Iterator[Alert]:
        """The alerts to report, file by file: at or above --min-level, not in the
        baseline, on a changed line (--diff)."""
        for path, found in linted:
            self.checked.append(path)
            found = [a for a in found if a.level >= self.min_level]
            if found:
                self.sources.add(path)
            if self.baseline is not None:
                from brandlint.baseline import new_alerts

                found = new_alerts(found, self.baseline, consume=True)
            if self.changes is not None and path != self.piped:
                found = [a for a in found if self.changes.keeps(a)]
            self.failed = self.failed or any(a.level >= self.fail_level for a in found)
            yield from found


def _source(path: str, workspace: Workspace) -> str:
    from brandlint.document.formats import BINARY_FORMATS
    from brandlint.document.reader import UnreadableFile, format_of

    if format_of(path) in BINARY_FORMATS:  # a Word file: the text its lines count in
        try:
            return workspace.document(path).source
        except UnreadableFile:
            return ""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def fix(args: argparse.Namespace) -> int:
    import difflib

    from brandlint.document.reader import UnreadableFile
    from brandlint.safe_write import ChangedOnDisk

    workspace = _workspace(args)
    remaining = 0
    failing = False
    fail = Level.parse(args.fail_level)
    _require_paths(args.paths)
    for path in workspace.files(args.paths, on_skip=_note_skip):
        try:
            result = workspace.fix_file(
                path, select=args.select, ignore=args.ignore, write=not args.diff
            )
        except UnreadableFile as exc:
            print(f"{path}: skipped, {exc}", file=sys.stderr)
            continue
        except ChangedOnDisk:
            print(f"{path}: changed on disk while brandlint worked; left alone", file=sys.stderr)
            continue
        except OSError as exc:  # the fixed copy could not be written (a read-only folder…)
            print(f"{path}: not written, {exc.strerror or exc}; left alone", file=sys.stderr)
            failing = True
            continue
        remaining += len(result.remaining)
        failing = failing or any(a.level >= fail for a in result.remaining)
        if args.diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    result.original.splitlines(keepends=True),
                    result.fixed.splitlines(keepends=True),
                    f"a/{path}",
                    f"b/{path}",
                )
            )
            sys.stdout.writelines(_held_lines(path, result.held))
            continue
        if not result.edits:
            continue
        count = len(result.edits)
        left = len(result.held)
        note = f"; {left} left for you to choose (see fix --diff)" if left else ""
        print(f"{path}: {count} fix{'es' if count != 1 else ''} applied{note}")
    print(f"{remaining} {'alert remains' if remaining == 1 else 'alerts remain'}", file=sys.stderr)
    return EXIT_ALERTS if failing else EXIT_CLEAN


def _held_lines(path: str, held: Sequence[Held]) -> list[str]:
    """The replacements `fix` did not apply, under the file's diff as `#` lines (which
    `patch` and `git apply` skip), one per alert, so a reviewer sees what is left to
    choose and why. Only alerts with a replacement are held; one whose words run across
    markup shows it too, rebuilt on the source with the code spans it keeps."""
    from brandlint.reporters.text import terminal_safe

    if not held:
        return []
    # positions are in the fixed text, the `+++` side of the diff
    lines = [f"# {path}, as fixed: not applied, for you to choose (your editor offers each):\n"]
    for item in held:
        alert = item.alert
        where = f"{alert.span.line}:{alert.span.column}"
        choices = " or ".join(f"'{r}'" if r else "(remove)" for r in alert.replacements)
        lines.append(f"#   {where} {alert.rule}: '{alert.match}' → {choices} ({item.reason})\n")
    return [terminal_safe(line, keep="\n") for line in lines]


def audit(args: argparse.Namespace) -> int:
    from functools import partial

    from brandlint.audit.compare import compare, read_previous, text_lines
    from brandlint.audit.history import append_history, history_line, read_history
    from brandlint.audit.report import score_lines, write_csv, write_html, write_json
    from brandlint.audit.run import AuditOptions, run_audit
    from brandlint.reporters.text import terminal_safe

    _require_paths(args.paths)
    targets = [
        ("--html", args.html, write_html),
        ("--json", args.json, write_json),
        ("--csv", args.csv, write_csv),
        ("--history", args.history, append_history),
    ]
    # read before the run: a wrong file fails fast, and --json may overwrite it
    previous = read_previous(args.compare) if args.compare else None
    history = read_history(args.history) if args.history else []
    for option, target, _ in targets:  # inside a folder too: checked once it is walked
        _refuse_overwriting_inputs(option, target, args.paths)
    if not args.no_cache and os.path.exists(args.cache) and not os.path.isdir(args.cache):
        raise UsageError(f"--cache {args.cache}: not a folder")
    settings = _workspace(args).settings
    if settings.guide:  # workers may run in another folder, or on another machine
        settings = replace(settings, guide=os.path.abspath(settings.guide))
    options = AuditOptions(
        args.paths,
        settings,
        args.workers or os.cpu_count() or 1,
        None if args.no_cache else args.cache,
        sys.stderr.isatty(),
        encoding=args.encoding,
        leave_out=frozenset(os.path.abspath(f) for f in (args.history, args.compare) if f),
    )
    if args.executor == "dask":
        if not args.scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS")
        from brandlint.audit.dask_executor import dask_executor

        with dask_executor(args.scheduler) as executor:
            result = run_audit(options, executor)
    else:
        result = run_audit(options)
    audited = _audited_files(result)
    for option, target, _ in targets:
        _refuse_overwriting_inputs(option, target, audited)
    comparison = compare(previous, result.alerts, args.compare) if previous is not None else None
    if args.history:
        history.append(history_line(result))
        append_history(args.history, history[-1])
    writers: dict[str, Callable[[AuditResult, TextIO], None]] = {
        "--html": partial(write_html, comparison=comparison, history=history),
        "--json": partial(write_json, comparison=comparison),
        "--csv": write_csv,
    }
    for option, target, _ in targets:
        if target and option in writers:
            with _open_for_writing(option, target, newline="") as out:
                writers[option](result, out)
    s = result.summary
    shown = f"score {s.score} ({s.light})" if s.light else "no score"
    print(
        f"{s.files} files, {s.words} words: {shown}; {s.errors} errors, "
        f"{s.warnings} warnings, {s.suggestions} suggestions; {s.skipped} skipped"
    )
    for line in score_lines(result):
        print(terminal_safe(line))
    for skipped in result.skipped:
        print(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for variant in result.variants:
        spread = ", ".join(f"'{f.form}' in {f.files}" for f in variant.forms)
        print(f"variants of {variant.rule}: {spread}")
    for line in text_lines(comparison) if comparison else ():
        print(terminal_safe(line))
    return _audit_verdict(result, args.fail_level, args.score_min)


def _audited_files(result: AuditResult) -> set[str]:
    """The files an audit read: each piece's path, and for an export's rows (`cms.csv#ID`)
    the export (every prefix before a `#`: a file name or a row id may hold one too)."""
    files: set[str] = set()
    for path in [d.path for d in result.documents] + [s.path for s in result.skipped]:
        files.add(path)
        files.update(path[:i] for i, char in enumerate(path) if char == "#")
    return files


def _audit_verdict(result: AuditResult, fail_level: str | None, score_min: float | None) -> int:
    """Exit 1 when `--fail-level` or `--score-min` is given and not met (with one line
    saying which), else 0: an audit that ran is a success unless asked otherwise."""
    failed = False
    if fail_level:
        level = Level.parse(fail_level)
        reached = sum(1 for a in result.alerts if a.level >= level)
        if reached:
            alerts = "alert" if reached == 1 else "alerts"
            message = f"brandlint: {reached} {alerts} at or above {level} (--fail-level)"
            print(message, file=sys.stderr)
            failed = True
    score = result.summary.score
    if score_min is not None and score is not None and score < score_min:
        print(f"brandlint: score {score} is below {score_min:g} (--score-min)", file=sys.stderr)
        failed = True
    return EXIT_ALERTS if failed else EXIT_CLEAN


def stats(args: argparse.Namespace) -> int:
    import json

    workspace = _workspace(args)
    for given in args.paths:
        if not os.path.exists(given):
            raise UsageError(f"{given}: no such file or folder")
    found = [m for m in (workspace.measure_file(p) for p in workspace.files(args.paths)) if m]
    if args.format == "json":
        json.dump([m.record() for m in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    for metrics in found:
        print(_stats_text(metrics))
    return EXIT_CLEAN


def _stats_text(m: VoiceMetrics) -> str:
    def show(value: object, target_key: str = "", sign: str = "≤") -> str:
        shown = "n/a" if value is None else str(value)
        target = m.targets.get(target_key) if target_key else None
        if isinstance(target, float):
            target = f"{target:g}"
        return f"{shown} (target {sign} {target})" if target is not None else shown

    # the formulas published for the language, each by its name: "LIX 41.3" for Norwegian
    # copy, "Flesch–Kincaid grade 9.1, Flesch reading ease 60.2" for English
    ease_name = m.readability_metric if m.grade is None else "Flesch reading ease"
    figures = [
        f"{name} {show(value, key, sign)}"
        for name, value, key, sign in (
            ("Flesch–Kincaid grade", m.grade, "grade", "≤"),
            (ease_name, m.reading_ease, "reading_ease", "≥"),
            ("LIX", m.lix, "lix", "≤"),
        )
        if value is not None
    ]
    readability = ", ".join(figures) or f"readability n/a ({m.reasons.get('readability', '')})"
    prefer = f" (prefer {m.targets['contractions']})" if "contractions" in m.targets else ""
    passive = "n/a" if m.passive_share is None else f"{m.passive_share:.0%} of sentences"
    labels = {
        "syllables_per_word": "syllables",
        "passive_share": "passive",
        "you_we_ratio": "you/we",
        "contractions_share": "contractions",
        "formality": "formality",
    }
    missing: dict[str, list[str]] = {}  # reason → the figures it explains
    for key, why in m.reasons.items():
        if key in labels:
            missing.setdefault(why, []).append(labels[key])
    lines = [
        f"{m.path}  [{m.lang}{', ' + m.channel if m.channel else ''}]",
        f"  words {m.words}, sentences {m.sentences}, "
        f"syllables per word {show(m.syllables_per_word)}",
        f"  {readability}",
        f"  sentence length: mean {m.mean_sentence_length}, "
        f"max {show(m.max_sentence_length, 'max_sentence_length')}",
        f"  passive {passive}, "
        f"{m.exclamations_per_100_words} exclamations per 100 words, "
        f"emoji {show(m.emoji, 'emoji')}",
        f"  you/we {show(m.you_we_ratio)}, contractions {show(m.contractions_share)}"
        f"{prefer}, formality {show(m.formality)}",
    ]
    lines.extend(f"  n/a {', '.join(names)}: {why}" for why, names in missing.items())
    return "\n".join(lines)


def rules(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    linter = workspace.linter_for(Path.cwd() / "x")
    _show_guide_warnings(workspace, str(Path.cwd() / "x"))
    print(f"guide: {linter.guide.path}")
    for rule in linter.rules:
        print(_rule_line(rule.spec, _origin(rule.spec.origin)))
    for rule_id, reason in linter.guide.skipped:
        print(f"{rule_id:48} NOT LOADED: {reason}")
    _print_locales(linter.guide)
    return EXIT_CLEAN


def _rule_line(spec: RuleSpec, source: str, indent: str = "") -> str:
    extra = f" [lang: {', '.join(spec.langs)}]" if spec.langs else ""
    extra += f" [channels: {', '.join(spec.channels)}]" if spec.channels else ""
    rule_id = f"{indent}{spec.id}"
    return f"{rule_id:48} {spec.kind:14} {spec.level!s:10} {source}{extra}"


def _print_locales(guide: Guide) -> None:
    """Per `locales:` entry, the rules that differ from the guide's and the entry each
    difference comes from: a rule the entry wrote, at its line; a rule whose settings it
    changed, at the file that defines it; a rule it turned off."""
    from brandlint.guide.locale_changes import locale_changes

    for listed in locale_changes(guide):
        over = f", over {', '.join(listed.after)}" if listed.after else ""
        print(f"locale {listed.tag}{over}:{'' if listed.changes else ' as the guide'}")
        for change in listed.changes:
            spec, entry = change.spec, f"locales: {change.entry}"
            if spec is None:
                print(f"{'  ' + change.rule_id:48} off in {entry}")
            elif change.defined:
                line, column = spec.located.where(spec.at) if spec.located else (1, 1)
                print(_rule_line(spec, f"{spec.origin}:{line}:{column} ({entry})", "  "))
            else:
                print(_rule_line(spec, f"{_origin(spec.origin)}, settings from {entry}", "  "))
        for rule_id, reason in listed.skipped:
            print(f"{'  ' + rule_id:48} NOT LOADED: {reason}")


def _origin(path: str) -> str:
    from brandlint.packs import packs_root

    root = str(packs_root())
    return "built-in: " + os.path.relpath(path, root) if path.startswith(root) else path


def explain(args: argparse.Namespace) -> int:
    from brandlint.checks.registry import KINDS
    from brandlint.core.options import did_you_mean

    linter = _workspace(args).linter_for(Path.cwd() / "x")
    spec = linter.guide.rule(args.rule)
    if spec is None and args.rule in KINDS:
        from brandlint.reference import kind_page

        print(kind_page(args.rule), end="")
        return EXIT_CLEAN
    if spec is None:
        ids = {r.id for r in linter.guide.rules}
        raise UsageError(f"no active rule '{args.rule}'{did_you_mean(args.rule, ids)}")
    print(f"{spec.id}  ({spec.kind}, {spec.level})")
    print(f"from: {_origin(spec.origin)}")
    if spec.reason:
        print(f"why: {spec.reason}")
    if spec.message:
        print(f"message: {spec.message}")
    if spec.link:
        print(f"more: {spec.link}")
    if spec.scope:
        print(f"scope: {', '.join(spec.scope)}")
    for key, value in spec.options.items():
        shown = (
            value
            if not isinstance(value, dict)
            else ", ".join(f"{k} → {v}" for k, v in value.items())
        )
        print(f"{key}: {shown}")
    for label, examples in (("flags", spec.flag_examples), ("passes", spec.pass_examples)):
        for example in examples:
            print(f"{label}: {example}")
    return EXIT_CLEAN


STARTER = """\
# brandlint.yaml — your brand guide as rules. Reference: README, "The guide format".
# Editors validate and complete this file with the schema `brandlint init` wrote beside it:
# yaml-language-server: $schema=./.brandlint.schema.json
name: acme                 # namespace of your rule ids (acme.terms.…)
lang: en                   # default language of your copy

extends:                   # rule packs first; later entries win
  - brandlint:plain-language
  - brandlint:inclusive
  - brandlint:hype
  - brandlint:channels       # SMS opt-out and segments, subject lines, push titles…

channels:                  # path glob → channel, for the channel rules (front matter
  "campaigns/texts/**": sms  # `channel:` wins; folders named sms/, email/… need no entry)
  "campaigns/newsletters/**": email

terms:
  - use: Acme Cloud        # a product name, always written exactly so
    case: exact
    instead_of: [ACloud]
    level: error
  - use: sign in           # the preferred term and its wrong variants
    instead_of: [log in, login]
  - avoid: [synergy, utilize]
    suggest: use
    reason: Jargon; say what you mean.

consistency:               # either spelling is fine, mixing them in one piece is not
  - [e-commerce, ecommerce]

assets:                    # colours, fonts and images in HTML, CSS and SVG
  palette:
    Acme Blue: "#0B5FFF"
    Ink: "#101820"
    White: "#FFFFFF"
  contrast: 4.5            # text on its background, WCAG AA
  fonts:
    families: [Inter]
  logos:
    files: ["*logo*"]
    formats: [svg]
    min_width: 120

rules:                     # per-rule settings: off or a level, by id or glob
  brandlint.hype.superlatives: suggestion
"""


def init(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists; use --force to overwrite it")
    target.write_text(STARTER, encoding="utf-8")
    schema_path = target.parent / SCHEMA_NAME
    schema_path.write_text(_schema_text(), encoding="utf-8")
    print(f"wrote {target} and {schema_path}; run 'brandlint rules' to see what it turns on")
    return EXIT_CLEAN


def doctor(args: argparse.Namespace) -> int:
    """One line per check of the install and the project; exit 2 when one fails."""
    from brandlint.doctor import FAIL, diagnose

    settings = Settings(guide=args.guide, vale_config=args.vale_config)
    failed = False
    for found in diagnose(Path.cwd(), settings, Path(args.cache)):
        print(found.line())
        failed = failed or found.status == FAIL
    return EXIT_USAGE if failed else EXIT_CLEAN


SCHEMA_NAME = ".brandlint.schema.json"


def _schema_text() -> str:
    from importlib import resources

    return resources.files("brandlint.schema").joinpath("guide.schema.json").read_text("utf-8")


def docs(args: argparse.Namespace) -> int:
    from brandlint.reference import pages

    folder = Path(args.dir)
    for name, text in pages().items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(pages())} pages under {folder}")
    return EXIT_CLEAN


def schema(args: argparse.Namespace) -> int:
    sys.stdout.write(_schema_text())
    return EXIT_CLEAN


def test_rules(args: argparse.Namespace) -> int:
    from brandlint.rule_tests import run_rule_examples

    workspace = _workspace(args)
    failures, total = run_rule_examples(workspace, args.folder)
    for failure in failures:
        print(failure)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return EXIT_ALERTS if failures else (EXIT_CLEAN if total else EXIT_USAGE)
