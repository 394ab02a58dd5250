"""Headless Chromium for the report tests: the HTML reports are checked as a browser
renders them (their tables are filled by the page's own script)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def chromium(page: Path, profile: Path, *output: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on a local page, offline (no network, no first-run work);
    `output` says what it writes (`--dump-dom`, `--screenshot=…`)."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "chromium is needed (apt-get install chromium; .ci/run installs it)"
    return subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *output,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def console_errors(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The errors the page's scripts logged to the console."""
    return [
        line
        for line in done.stderr.splitlines()
        if "CONSOLE" in line and ("Error" in line or "Uncaught" in line)
    ]
