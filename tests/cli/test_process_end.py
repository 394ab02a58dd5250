"""The `brandlint` process ends without the interpreter's teardown (`brandlint.cli.main._end`),
and nothing an ordinary exit would have done is lost: its output, its exit code, the
at-exit handlers, and a thread still running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LINE = "We leverage our best-in-class synergy to delight customers.\n"

# `run` with a thread that writes only once `run` has returned: an exit that did not wait
# for the thread (or never returned) leaves no file
WITH_A_THREAD = """
import sys, threading
sys.argv = ["brandlint", "check", "--format", "json", sys.argv[1]]
go = threading.Event()

def late():
    go.wait(120)
    with open(sys.argv[-1] + ".late", "w", encoding="utf-8") as out:
        out.write("written")

threading.Thread(target=late).start()
from brandlint.cli.main import run
code = run()
go.set()
raise SystemExit(code)
"""


def _run(tmp_path: Path, *command: str) -> subprocess.CompletedProcess[str]:
    page = tmp_path / "post.md"
    page.write_text(LINE, encoding="utf-8")
    return subprocess.run(
        [sys.executable, *command, str(page)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        cwd=tmp_path,
    )


def test_a_check_ends_with_its_output_and_exit_code(tmp_path: Path) -> None:
    done = _run(tmp_path, "-m", "brandlint", "check", "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")  # warnings only
    alerts = json.loads(done.stdout)  # flushed whole through the pipe
    assert [(a["rule"], a["line"], a["column"]) for a in alerts] == [
        ("brandlint.plain-language.jargon", 1, 4),
        ("brandlint.hype.superlatives", 1, 17),
        ("brandlint.plain-language.jargon", 1, 31),
    ]


def test_a_usage_error_ends_with_its_message_and_exit_code(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "brandlint.yaml"
    done = _run(tmp_path, "-m", "brandlint", "check", "--guide", str(missing))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"brandlint: --guide {missing}: no such file\n"


def test_a_thread_still_running_gets_the_ordinary_exit(tmp_path: Path) -> None:
    done = _run(tmp_path, "-c", WITH_A_THREAD)
    assert (done.returncode, done.stderr) == (0, "")
    assert (tmp_path / "post.md.late").read_text(encoding="utf-8") == "written"
    assert len(json.loads(done.stdout)) == 3
