"""Runs one of Vale's acceptance scenarios against brandlint and compares the alerts.

Vale's step definitions (`data/features/steps.rb`, Cucumber with Aruba) run every command
from `testdata/tmp/aruba`, usually after `cd ../../fixtures/NAME`, as

    vale --output=line --sort --normalize --relative --no-global [FLAGS] ARGS

`Invocation` is that command, read from a `When` step. `run_brandlint` runs brandlint the
same way, in the same folder, in-process:

    brandlint check --format vale-json --vale-compat [--vale-config PATH] [--min-level L]
        [--exclude G] [--include G] [--read-as FORMAT] ARGS

in Vale's drop-in mode (`--vale-compat`: Vale's placement of alerts, and Vale's error when
there is no configuration), so brandlint finds the scenario's `.vale.ini` (or `_vale`,
`.vale`, …) itself. `--glob=G` is `--include G` (`--exclude G` for `!G`), `--ext` on a file
and `--ignore-syntax` are `--read-as .EXT` and `--read-as text`. Vale's `fix` and `sync`
commands have no brandlint equivalent: those scenarios fail with that reason.

Compared, as multisets: (file, line, column, check) of each alert, and its severity where
Vale's expected output shows it (the `line.tmpl` template); the exit status where the
scenario states it. Columns are Vale's `Span[0]`: 1-based, in Unicode code points (Vale
counts runes with `utf8.RuneCountInString`), not bytes; `Span[1]` is inclusive.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from tests.vale_compat.gherkin import Feature, Scenario, Step, parse_feature

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
FEATURES = DATA / "features"
ARUBA = Path("tmp") / "aruba"  # Aruba's working folder, relative to testdata

# Vale hands these formats to an external program (and fails when it is missing)
EXTERNAL = {
    ".adoc": "asciidoctor",
    ".asciidoc": "asciidoctor",
    ".asc": "asciidoctor",
    ".dita": "dita (DITA Open Toolkit)",
    ".xml": "xsltproc",
}


class Unsupported(Exception):
    """A Vale flag or command with no brandlint equivalent: the scenario cannot pass."""


@dataclass
class Invocation:
    cwd: str  # relative to Aruba's folder
    paths: list[str] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)
    stdin_text: str | None = None
    stdin_file: str | None = None  # `cat FILE | vale --ext=…`
    command: str = "lint"  # lint, fix or sync
    output: str = "line"  # Vale's --output: line, or a template's name


def _quoted(text: str) -> list[str]:
    return re.findall(r'"((?:[^"\\]|\\.)*)"', text)


def invocation(step: Step) -> Invocation:
    """What steps.rb runs for a `When` step."""
    text = step.text
    q = _quoted(text)
    fixtures = "../../fixtures"
    if text.startswith("I test template "):
        return Invocation(f"{fixtures}/templates", ["."], output=q[0])
    if text.startswith("I lint string "):
        return Invocation(f"{fixtures}/formats", stdin_text=q[0], flags={"ext": ".txt"})
    if text.startswith("I run cat "):
        return Invocation(f"{fixtures}/formats", stdin_file=q[0], flags={"ext": q[1]})
    if text.startswith("I use filter "):
        return Invocation(f"{fixtures}/filters", ["."], {"filter": f"filter/{q[0]}.expr"})
    if text.startswith("I fix "):
        return Invocation(f"{fixtures}/actions", [q[0]], command="fix")
    if text.startswith("I sync pkg "):
        return Invocation(f"{fixtures}/pkg/{q[0]}", ["test.md"], command="sync")
    if text.startswith("I lint simple "):
        return Invocation(f"{fixtures}/formats", [q[0]], {"ignore-syntax": ""})
    if text.startswith("I lint with config "):
        return Invocation(f"{fixtures}/formats", ["test.md"], {"config": q[0]})
    if text.startswith("I lint path with exclusions"):
        return Invocation(f"{fixtures}/folders", ["."])
    if text.startswith("I lint path "):
        return Invocation(f"{fixtures}/formats/{q[0]}", ["."])
    if text.startswith("I lint Sphinx "):
        return Invocation(f"{fixtures}/formats/Sphinx", shlex.split(q[0]))
    if text.startswith("I lint AsciiDoc "):
        return Invocation(f"{fixtures}/formats/adoc", shlex.split(q[0]))
    if text.startswith("I lint reStructuredText "):
        return Invocation(f"{fixtures}/formats/rst", shlex.split(q[0]))
    if text.startswith("I lint file "):
        return Invocation(f"{fixtures}/formats", [q[0]], {"ext": q[1]})
    if text.startswith("I lint "):
        return Invocation(f"{fixtures}/formats", shlex.split(q[0]))
    if text.startswith("I test comments for "):
        return Invocation(f"{fixtures}/comments", [f"test{q[0]}"])
    if text.startswith("I test patterns for "):
        return Invocation(f"{fixtures}/patterns", [q[0]])
    if text.startswith("I test plugins for "):
        return Invocation(f"{fixtures}/plugins", [q[0]])
    if text.startswith("I test scope "):
        return Invocation(f"{fixtures}/scopes/{q[0]}", ["."])
    if text.startswith("I apply style "):
        return Invocation(f"{fixtures}/styles/{q[0]}", ["."])
    if text.startswith("I use Vocab "):
        return Invocation(f"{fixtures}/vocab/{q[0]}", ["."])
    if text.startswith("I test glob "):
        return Invocation(f"{fixtures}/formats", ["."], {"glob": q[0]})
    if text.startswith("I test dir glob "):
        return Invocation(f"{fixtures}/glob", ["."], {"glob": q[0]})
    if text.startswith("I test "):
        return Invocation(f"{fixtures}/{q[0]}", ["."])
    if text.startswith("I run vale "):
        return Invocation(".", shlex.split(q[0]))
    if text.startswith("I assign minAlertLevel "):
        return Invocation(".", shlex.split(q[1]), {"minAlertLevel": q[0]})
    raise ValueError(f"no step definition for: When {text}")


# -- expectations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    path: str
    line: int
    column: int
    check: str
    message: str
    severity: str | None = None

    def key(self, with_severity: bool) -> tuple[object, ...]:
        base: tuple[object, ...] = (self.path, self.line, self.column, self.check)
        return (*base, self.severity) if with_severity else base

    def __str__(self) -> str:
        level = f"{self.severity}:" if self.severity else ""
        return f"{self.path}:{self.line}:{self.column}:{self.check}:{level}{self.message}"


_ALERT_LINE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+):(?P<rest>.*)$")


def parse_line(text: str, output: str) -> Line | None:
    m = _ALERT_LINE.match(text.strip())
    if not m:
        return None
    parts = m["rest"].split(":", 2 if output.endswith(".tmpl") else 1)
    if output.endswith(".tmpl"):
        check, severity, message = parts
    else:
        check, message = parts
        severity = None
    return Line(m["path"], int(m["line"]), int(m["col"]), check, message, severity)


@dataclass
class Expectation:
    exactly: list[Line] | None = None  # `the output should contain exactly:`
    contains: list[Line] = field(default_factory=list)  # `the output should contain:`
    contains_error: str | None = None  # Vale's E100/E201 text: brandlint should exit 2
    absent: list[str] = field(default_factory=list)  # `should not contain "x"`
    status: int | None = None


def expectation(scenario: Scenario, output: str) -> Expectation:
    want = Expectation()
    for step in scenario.steps:
        if step.keyword != "Then":
            continue
        text = step.text
        if text.startswith("the output should contain exactly:"):
            want.exactly = []
            for raw in (step.doc_string or "").splitlines():
                if not raw.strip():
                    continue
                parsed = parse_line(raw, output)
                if parsed is None:
                    raise ValueError(f"{scenario.name}: not an alert line: {raw!r}")
                want.exactly.append(parsed)
        elif text.startswith("the output should contain:"):
            body = (step.doc_string or "").strip()
            lines = [parse_line(raw, output) for raw in body.splitlines() if raw.strip()]
            if lines and all(lines):
                want.contains = [x for x in lines if x is not None]
            else:
                want.contains_error = body
        elif text.startswith("the output should not contain "):
            want.absent.append(_quoted(text)[0])
        elif text.startswith("the exit status should be "):
            want.status = int(text.rsplit(" ", 1)[1])
        else:
            raise ValueError(f"no step definition for: Then {text}")
    return want


# -- rules Vale runs in Tengo ---------------------------------------------------------------


@cache
def script_rules() -> frozenset[str]:
    """Ids (Style.Rule) of every `extends: script` rule file in the data."""
    found = set()
    for path in DATA.rglob("*.yml"):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and data.get("extends") == "script":
            found.add(f"{path.parent.name}.{path.stem}")
    return frozenset(found)


def external_program(path: str) -> str | None:
    return EXTERNAL.get(os.path.splitext(path)[1].lower())


# -- running brandlint ------------------------------------------------------------------------


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str
    crash: str | None = None  # the traceback's last line, when brandlint failed (exit 3)


@contextmanager
def _chdir(path: Path) -> Iterator[None]:
    here = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(here)


_PIPELINES: dict[tuple[str, str], object] = {}


@contextmanager
def _shared_pipelines() -> Iterator[None]:
    """Each CLI run builds a fresh workspace, and so fresh spaCy pipelines (half a second
    each). brandlint's pipelines are per process by design; share them across the runs
    here, and only while brandlint runs, so other tests see the class untouched."""
    from brandlint.nlp.pipelines import Pipelines

    original = Pipelines._build

    def build(self: Pipelines, code: str, name: str) -> object:
        key = (code, name)
        if key not in _PIPELINES:
            _PIPELINES[key] = original(self, code, name)
        return _PIPELINES[key]

    Pipelines._build = build  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        Pipelines._build = original  # type: ignore[method-assign]


def run_cli(argv: list[str], cwd: Path, stdin_text: str | None = None) -> CliResult:
    """`brandlint ARGV` in-process, in `cwd`; on exit 3 (a bug) it runs again with --debug
    to keep the traceback's last line."""
    from brandlint.cli.main import main

    def once(args: list[str]) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        stdin = sys.stdin
        if stdin_text is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), "utf-8")
        try:
            with _chdir(cwd), _shared_pipelines(), redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(args)
                except SystemExit as exc:  # argparse
                    code = exc.code if isinstance(exc.code, int) else 2
        finally:
            sys.stdin = stdin
        return code, out.getvalue(), err.getvalue()

    code, stdout, stderr = once(argv)
    crash = None
    if code == 3:
        _, _, trace = once(["--debug", *argv])
        tail = [x for x in trace.strip().splitlines() if x.strip()]
        crash = tail[-1] if tail else stderr.strip()
        for i, text in enumerate(tail):
            if text.startswith("Traceback"):
                # the exception line is the last line of the traceback block
                block = tail[i:]
                ends = [x for x in block if not x.startswith((" ", "Traceback"))]
                crash = ends[0] if ends else crash
                break
    return CliResult(code, stdout, stderr, crash)


@cache
def vale_interface() -> bool:
    """Does brandlint's CLI have Vale's interface (`--format vale-json`, `--vale-config`,
    `--vale-compat`)?"""
    result = run_cli(["check", "--help"], Path.cwd())
    return all(flag in result.stdout for flag in ("vale-json", "--vale-config", "--vale-compat"))


@dataclass
class Outcome:
    code: int
    alerts: list[Line]
    stderr: str
    crashes: list[str] = field(default_factory=list)


def _brace_expand(glob: str) -> list[str]:
    m = re.search(r"\{([^{}]*)\}", glob)
    if not m:
        return [glob]
    out = []
    for option in m[1].split(","):
        out.extend(_brace_expand(glob[: m.start()] + option + glob[m.end() :]))
    return out


def brandlint_flags(inv: Invocation) -> dict[str, object]:
    """Vale's flags as brandlint's; Unsupported where brandlint has none."""
    if inv.command == "fix":
        raise Unsupported("`vale fix` (an alert's suggestions as JSON) has no brandlint command")
    if inv.command == "sync":
        raise Unsupported("`vale sync` downloads packages")
    flags: dict[str, object] = {}
    for name, value in inv.flags.items():
        if name == "config":
            flags["vale-config"] = value
        elif name == "minAlertLevel":
            flags["min-level"] = value
        elif name == "ext":
            if inv.stdin_text is None and inv.stdin_file is None:
                flags["read-as"] = value
            else:
                flags["stdin-filename"] = "stdin" + value
        elif name == "glob":
            if value.startswith("!"):
                flags["exclude"] = _brace_expand(value[1:])
            else:
                flags["include"] = value
        elif name == "filter":
            flags["filter"] = value
        elif name == "ignore-syntax":
            flags["read-as"] = "text"
        else:
            raise ValueError(f"unknown Vale flag {name}")
    return flags


def run_brandlint(
    inv: Invocation, cwd: Path, paths: Sequence[str], vale_compat: bool = True
) -> Outcome:
    flags = brandlint_flags(inv)
    stdin_text = inv.stdin_text
    if inv.stdin_file is not None:
        stdin_text = (cwd / inv.stdin_file).read_text(encoding="utf-8")
    argv = ["check", "--format", "vale-json"]
    if vale_compat:
        argv.append("--vale-compat")
    if "vale-config" in flags:
        argv += ["--vale-config", str(flags["vale-config"])]
    if "filter" in flags:
        argv += ["--filter", str(flags["filter"])]
    if "min-level" in flags:
        argv += ["--min-level", str(flags["min-level"])]
    for glob in flags.get("exclude", []):  # type: ignore[attr-defined]
        argv += ["--exclude", glob]
    if "include" in flags:
        argv += ["--include", str(flags["include"])]
    if "read-as" in flags:
        argv += ["--read-as", str(flags["read-as"])]
    if stdin_text is not None:
        argv += ["--stdin-filename", str(flags["stdin-filename"]), "-"]
    else:
        argv += list(paths)
    run = run_cli(argv, cwd, stdin_text)
    alerts = {}
    if run.code in (0, 1) and run.stdout.strip():
        alerts = json.loads(run.stdout)
    outcome = Outcome(run.code, _lines(alerts, cwd), run.stderr)
    if run.crash:
        outcome.crashes.append(run.crash)
    outcome.crashes.extend(internal_errors(outcome.alerts, run.stderr))
    return outcome


INTERNAL_ERROR = "brandlint.internal-error"


def internal_errors(alerts: list[Line], stderr: str) -> list[str]:
    """A rule that raised (brandlint reports it as an alert and lints on): the alert's
    message, and the last line of each traceback printed."""
    out = [f"{x.path}: {x.message}" for x in alerts if x.check == INTERNAL_ERROR]
    if out:
        lines = stderr.splitlines()
        for i, text in enumerate(lines):
            if text.startswith("Traceback"):
                ends = [x for x in lines[i + 1 :] if x and not x.startswith(" ")]
                if ends and ends[0] not in out:
                    out.append(ends[0])
    return out


def _stderr_summary(stderr: str, limit: int = 20) -> list[str]:
    """brandlint's warnings, in order, once each, without traceback bodies."""
    out: list[str] = []
    for text in stderr.splitlines():
        if not text.strip() or text.startswith((" ", "Traceback")) or text in out:
            continue
        out.append(text)
    return out[:limit]


def _lines(alerts: dict[str, list[dict[str, object]]], cwd: Path) -> list[Line]:
    out = []
    for path, found in alerts.items():
        rel = path
        if os.path.isabs(rel):
            rel = os.path.relpath(rel, cwd)
        rel = os.path.normpath(rel).replace(os.sep, "/")
        for a in found:
            span = a["Span"]
            out.append(
                Line(
                    rel,
                    int(a["Line"]),  # type: ignore[call-overload]
                    int(span[0]),  # type: ignore[index]
                    str(a["Check"]),
                    str(a["Message"]),
                    str(a["Severity"]),
                )
            )
    return out


# -- one scenario -----------------------------------------------------------------------------


@dataclass
class Case:
    feature: Feature
    scenario: Scenario
    id: str

    @property
    def steps(self) -> list[Step]:
        return [*self.feature.background, *self.scenario.steps]

    @property
    def when(self) -> Invocation:
        whens = [s for s in self.steps if s.keyword == "When"]
        if len(whens) != 1:
            raise ValueError(f"{self.id}: {len(whens)} When steps")
        return invocation(whens[0])

    @property
    def files(self) -> list[tuple[str, str]]:
        out = []
        for step in self.steps:
            if step.keyword == "Given" and step.text.startswith("a file named "):
                out.append((_quoted(step.text)[0], step.doc_string or ""))
            elif step.keyword == "Given" and step.text != "on Unix":
                raise ValueError(f"no step definition for: Given {step.text}")
        return out


def cases() -> list[Case]:
    out: list[Case] = []
    for path in sorted(FEATURES.glob("*.feature")):
        feature = parse_feature(path)
        seen: Counter[str] = Counter()
        for scenario in feature.scenarios:
            seen[scenario.name] += 1
            suffix = f" #{seen[scenario.name]}" if seen[scenario.name] > 1 else ""
            out.append(Case(feature, scenario, f"{path.name}::{scenario.name}{suffix}"))
    return out


def skip_reason(case: Case) -> str | None:
    """Category (a): the scenario needs a program brandlint cannot stand in for."""
    inv = case.when
    if inv.command == "fix":
        return "script: `vale fix` runs a Tengo action script (CamelToSnake.tengo)"
    if inv.command == "sync":
        return "network: `vale sync` downloads packages (Google, Hugo, write-good)"
    want = expectation(case.scenario, inv.output)
    expected = [*(want.exactly or []), *want.contains]
    named = [p for p in inv.paths if p != "."]
    programs = sorted({p for x in expected for p in [external_program(x.path)] if p})
    programs += sorted({p for x in named for p in [external_program(x)] if p} - set(programs))
    kept = [x for x in expected if not external_program(x.path)]
    scripts = sorted({x.check for x in kept if x.check in script_rules()})
    kept = [x for x in kept if x.check not in script_rules()]
    if expected and not kept:
        if programs:
            return f"external: Vale lints these files with {', '.join(programs)}"
        return f"script: Tengo script rules ({', '.join(scripts)})"
    if named and all(external_program(p) for p in named):
        return f"external: Vale lints these files with {', '.join(programs)}"
    return None


def partial_note(case: Case) -> str | None:
    """A scenario run without the files Vale would hand to an external program."""
    inv = case.when
    want = expectation(case.scenario, inv.output)
    expected = [*(want.exactly or []), *want.contains]
    dropped = sorted({x.path for x in expected if external_program(x.path)})
    scripts = sorted({x.check for x in expected if x.check in script_rules()})
    parts = []
    if dropped:
        parts.append(f"without {', '.join(dropped)} (external programs)")
    if scripts:
        parts.append(f"without {', '.join(scripts)} (Tengo scripts)")
    return "; ".join(parts) or None


@dataclass
class Verdict:
    ok: bool
    report: str
    outcome: Outcome | None = None


def sandbox(case: Case, tmp: Path) -> tuple[Path, Path]:
    """(testdata root, working folder). Scenarios that write files, or leave the fixtures
    (`I test "/../../.."`), run in a temporary copy of the layout; the rest in the data."""
    inv = case.when
    files = case.files
    target = os.path.normpath(DATA / ARUBA / inv.cwd)
    inside = target.startswith(str(DATA) + os.sep)
    if not files and inside:
        return DATA, Path(target)
    root = tmp / "sandbox" / "up" / "testdata"
    (root / ARUBA).mkdir(parents=True)
    if files:  # Vale's configs there name ../../styles
        for name in ("styles", "fixtures"):
            (root / name).symlink_to(DATA / name, target_is_directory=True)
    for name, text in files:
        (root / ARUBA / name).write_text(text, encoding="utf-8")  # as Aruba writes it
    return root, Path(os.path.normpath(root / ARUBA / inv.cwd))


def run_case(case: Case, tmp: Path, vale_compat: bool = True) -> Outcome:
    """brandlint run as the scenario's `When` step runs Vale, in its folder: in Vale's
    drop-in mode (`--vale-compat`, as the suite runs), or in brandlint's default mode."""
    inv = case.when
    _, cwd = sandbox(case, tmp)
    paths = [p for p in inv.paths if not external_program(p)] or (["."] if inv.paths else [])
    # Vale runs with --no-global; keep the user's home and Vale's variables out of it
    env = {"HOME": str(tmp / "home"), "VALE_CONFIG_PATH": None, "VALE_STYLES_PATH": None}
    (tmp / "home").mkdir(exist_ok=True)
    saved = {name: os.environ.get(name) for name in env}
    for name, value in env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        return run_brandlint(inv, cwd, paths, vale_compat)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def check_case(case: Case, tmp: Path) -> Verdict:
    """The scenario's alerts, in Vale's drop-in mode, against Vale's expected output."""
    inv = case.when
    want = expectation(case.scenario, inv.output)
    with_severity = inv.output.endswith(".tmpl")
    outcome = run_case(case, tmp)

    def keep(x: Line) -> bool:
        return not external_program(x.path) and x.check not in script_rules()

    got = [x for x in outcome.alerts if keep(x)]
    problems: list[str] = []
    if want.exactly is not None:
        expected = [x for x in want.exactly if keep(x)]
        missing = Counter(x.key(with_severity) for x in expected) - Counter(
            x.key(with_severity) for x in got
        )
        extra = Counter(x.key(with_severity) for x in got) - Counter(
            x.key(with_severity) for x in expected
        )
        if missing or extra:
            problems.append(_diff(expected, got, missing, extra, with_severity))
    if want.contains:
        expected = [x for x in want.contains if keep(x)]
        missing = Counter(x.key(with_severity) for x in expected) - Counter(
            x.key(with_severity) for x in got
        )
        if missing:
            problems.append(_diff(expected, got, missing, Counter(), with_severity))
    if want.contains_error is not None and outcome.code != 2:
        problems.append(
            f"Vale fails with {want.contains_error!r} (exit 2); brandlint exit {outcome.code}"
        )
    rendered = [str(x) for x in outcome.alerts]
    for text in want.absent:
        hits = [x for x in rendered if text in x]
        if hits:
            problems.append(f"output should not contain {text!r}: " + "; ".join(hits[:5]))
    if want.status is not None and outcome.code != want.status:
        problems.append(f"exit status {outcome.code}, Vale's is {want.status}")
    if outcome.crashes:
        problems.append("brandlint crashed: " + " | ".join(outcome.crashes))
    report = "\n".join(problems)
    if problems:
        report += f"\n[cwd {inv.cwd}]"
        warnings = _stderr_summary(outcome.stderr)
        if warnings:
            report += "\nbrandlint stderr:\n  " + "\n  ".join(warnings)
    return Verdict(not problems, report, outcome)


def _diff(
    expected: list[Line],
    got: list[Line],
    missing: Counter[tuple[object, ...]],
    extra: Counter[tuple[object, ...]],
    with_severity: bool,
) -> str:
    out = []
    if missing:
        out.append("Vale reports, brandlint does not:")
        left = Counter(missing)
        for x in expected:
            if left[x.key(with_severity)] > 0:
                left[x.key(with_severity)] -= 1
                out.append(f"  - {x}")
    if extra:
        out.append("brandlint reports, Vale does not:")
        left = Counter(extra)
        for x in sorted(got, key=lambda a: (a.path, a.line, a.column, a.check)):
            if left[x.key(with_severity)] > 0:
                left[x.key(with_severity)] -= 1
                out.append(f"  + {x}")
    return "\n".join(out)
