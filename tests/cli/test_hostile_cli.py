"""Hostile and broken input on the command line (issue 15): exit codes, one-line errors,
files that are not regular files, symbolic links, reports written over their inputs.

Each case runs `python -m brandlint` in a subprocess with a time bound (a named pipe that is
opened blocks forever), and checks the exit code, the exact stderr line, that no trace is
printed, and that no input changed unless it should.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from brandlint.safe_write import read_for_update, write_back

TIMEOUT = 20  # seconds; generous: each run loads spaCy once
GUIDE = "name: acme\nterms:\n  - use: Acme Cloud\n    case: exact\n    level: error\n"
BAD = "Try Acme cloud today.\n"
GOOD = "All good here.\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")


def brandlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "brandlint", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def snapshot(root: Path) -> dict[str, tuple[str, bytes | str]]:
    """Every entry under `root` as it is: a file's bytes, a link's target, a pipe's kind.
    Nothing but regular files is opened."""
    found: dict[str, tuple[str, bytes | str]] = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            mode = os.lstat(path).st_mode
            key = str(path.relative_to(root))
            if stat.S_ISLNK(mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                found[key] = ("file", path.read_bytes())
            else:
                found[key] = ("other", stat.filemode(mode))
    return found


def no_trace(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    web = tmp_path / "web"
    web.mkdir()
    (web / "bad.md").write_text(BAD)
    (web / "good.md").write_text(GOOD)
    return tmp_path


# -- files that are not regular files ---------------------------------------------------


def test_a_fifo_among_files_is_skipped_with_a_note_and_never_opened(repo):
    os.mkfifo(repo / "web" / "pipe.md")
    before = snapshot(repo)
    done = brandlint(repo, "check", "web")
    assert done.returncode == 1  # web/bad.md has an error; the pipe did not block the run
    assert done.stderr.splitlines() == ["web/pipe.md: skipped, not a regular file"]
    assert "2 of 3" not in done.stdout and "in 1 of 2 files checked." in done.stdout
    no_trace(done)
    assert snapshot(repo) == before


def test_a_named_fifo_is_skipped_too_by_check_and_fix(repo):
    os.mkfifo(repo / "pipe.md")
    before = snapshot(repo)
    done = brandlint(repo, "check", "pipe.md", "web/good.md")
    assert done.returncode == 0
    assert done.stderr.splitlines() == ["pipe.md: skipped, not a regular file"]
    no_trace(done)
    done = brandlint(repo, "fix", "pipe.md")
    assert done.returncode == 0
    assert done.stderr.splitlines() == ["pipe.md: skipped, not a regular file", "0 alerts remain"]
    no_trace(done)
    assert snapshot(repo) == before


def test_a_fifo_in_an_audited_folder_is_listed_as_skipped(repo):
    os.mkfifo(repo / "web" / "pipe.md")
    before = snapshot(repo)
    done = brandlint(repo, "audit", "--no-cache", "web")
    assert done.returncode == 0
    assert done.stderr.splitlines() == ["skipped web/pipe.md: not a regular file"]
    assert done.stdout.startswith("2 files, ")
    assert "; 1 skipped" in done.stdout
    no_trace(done)
    assert snapshot(repo) == before


def test_a_symlinked_file_is_read_through_the_link(repo):
    (repo / "link.md").symlink_to(repo / "web" / "bad.md")
    done = brandlint(repo, "check", "link.md")
    assert done.returncode == 1
    assert done.stdout.startswith("link.md:1:5: error acme.terms.acme-cloud")
    assert done.stderr == ""


def test_fix_writes_through_a_symlink_and_the_link_stays_a_link(repo):
    elsewhere = repo / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "real.md"
    target.write_text(BAD)
    target.chmod(0o640)
    link = repo / "web" / "link.md"
    link.symlink_to(os.path.relpath(target, link.parent))
    done = brandlint(repo, "fix", "web/link.md")
    assert done.returncode == 0
    assert done.stdout == "web/link.md: 1 fix applied\n"
    assert done.stderr == "0 alerts remain\n"
    no_trace(done)
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("..", "elsewhere", "real.md")
    assert target.read_text() == "Try Acme Cloud today.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    # the temporary file went beside the real file, and is gone
    assert sorted(p.name for p in elsewhere.iterdir()) == ["real.md"]
    assert sorted(p.name for p in (repo / "web").iterdir()) == ["bad.md", "good.md", "link.md"]


def test_write_back_resolves_a_chain_of_links(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    (tmp_path / "one.md").symlink_to("real.md")
    (tmp_path / "two.md").symlink_to("one.md")
    write_back(read_for_update(str(tmp_path / "two.md")), "new\n")
    assert (tmp_path / "two.md").is_symlink() and (tmp_path / "one.md").is_symlink()
    assert real.read_text() == "new\n"


def test_read_for_update_refuses_a_fifo_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    with pytest.raises(OSError, match="not a regular file"):
        read_for_update(str(tmp_path / "pipe.md"))


# -- reports over their inputs ------------------------------------------------------------


def test_check_output_equal_to_a_named_input_is_refused(repo):
    before = snapshot(repo)
    done = brandlint(repo, "check", "--output", "web/bad.md", "web/bad.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "brandlint: --output web/bad.md: is one of the inputs; refusing to overwrite it"
    ]
    assert done.stdout == ""
    no_trace(done)
    assert snapshot(repo) == before


def test_check_output_equal_to_a_file_in_a_walked_folder_or_a_link_to_it_is_refused(repo):
    (repo / "alias.md").symlink_to(repo / "web" / "good.md")
    before = snapshot(repo)
    done = brandlint(repo, "check", "--output", "alias.md", "web")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "brandlint: --output alias.md: is one of the inputs; refusing to overwrite it"
    ]
    no_trace(done)
    assert snapshot(repo) == before


def test_check_output_in_a_missing_folder_is_a_usage_error(repo):
    before = snapshot(repo)
    done = brandlint(repo, "check", "--output", "no/such/report.txt", "web")
    assert done.returncode == 2
    assert done.stderr.startswith("brandlint: --output no/such/report.txt: no such folder ")
    assert len(done.stderr.splitlines()) == 1
    no_trace(done)
    assert snapshot(repo) == before


# -- usage errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "fix", "audit", "stats"])
def test_a_nonexistent_path_is_a_usage_error(repo, command):
    before = snapshot(repo)
    done = brandlint(repo, command, "web/good.md", "nope.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["brandlint: nope.md: no such file or folder"]
    no_trace(done)
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["check", "--jobs", "-3", "web"],
            "brandlint check: error: argument --jobs: expected a whole number of 1 or more, "
            "not '-3' (see 'brandlint check --help')",
        ),
        (
            ["check", "--jobs", "0", "web"],
            "brandlint check: error: argument --jobs: expected a whole number of 1 or more, "
            "not '0' (see 'brandlint check --help')",
        ),
        (
            ["check", "--jobs", "many", "web"],
            "brandlint check: error: argument --jobs: expected a whole number, not 'many' "
            "(see 'brandlint check --help')",
        ),
        (
            ["audit", "--workers", "0", "web"],
            "brandlint audit: error: argument --workers: expected a whole number of 1 or more, "
            "not '0' (see 'brandlint audit --help')",
        ),
        (
            ["audit", "--workers", "2.5", "web"],
            "brandlint audit: error: argument --workers: expected a whole number, not '2.5' "
            "(see 'brandlint audit --help')",
        ),
    ],
)
def test_bad_numbers_are_one_line_usage_errors_at_parse_time(repo, args, line):
    before = snapshot(repo)
    done = brandlint(repo, *args)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [line]
    assert done.stdout == ""
    no_trace(done)
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["check", "--format", "xml", "web"], "brandlint check: error: argument --format: "),
        (["frobnicate"], "brandlint: error: argument COMMAND: invalid choice: "),
        (["check"], "brandlint check: error: the following arguments are required: PATH"),
    ],
)
def test_other_usage_errors_are_one_line_too(repo, args, start):
    done = brandlint(repo, *args)  # argparse words choices differently across Pythons
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(start)
    assert done.stderr.rstrip().endswith("--help')")
    no_trace(done)


def test_jobs_of_one_or_more_are_accepted(repo):
    done = brandlint(repo, "check", "--jobs", "2", "web")
    assert done.returncode == 1
    assert done.stdout.endswith("in 1 of 2 files checked.\n")
    assert done.stderr == ""


# -- internal errors ------------------------------------------------------------------------

BOOM = """
import sys
import brandlint.cli.commands as commands

def check(args):
    raise RuntimeError("the engine fell over\\nin two lines")

commands.check = check
from brandlint.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_an_internal_error_is_one_line_without_debug(repo):
    done = subprocess.run(
        [sys.executable, "-c", BOOM, "check", "web"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 3
    assert done.stderr.splitlines() == [
        "brandlint: internal error (RuntimeError: the engine fell over in two lines); this is "
        "a bug, please report it (run again with --debug for the trace)"
    ]
    no_trace(done)


@pytest.mark.parametrize("where", ["before", "after"])
def test_an_internal_error_prints_its_trace_with_debug(repo, where):
    args = ["--debug", "check", "web"] if where == "before" else ["check", "--debug", "web"]
    done = subprocess.run(
        [sys.executable, "-c", BOOM, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 3
    lines = done.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert "RuntimeError: the engine fell over" in done.stderr
    assert lines[-1] == (
        "brandlint: internal error (RuntimeError: the engine fell over in two lines); this is "
        "a bug, please report it with the trace above"
    )


def test_debug_changes_nothing_when_all_goes_well(repo):
    done = brandlint(repo, "--debug", "check", "web/good.md")
    assert done.returncode == 0
    assert done.stderr == ""
