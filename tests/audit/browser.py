"""Headless Chromium for the report tests: the HTML reports are checked as a browser
renders them (their tables are filled by the page's own script)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any


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


# Run after the page's own script: for every traffic light, where it is, its name, the
# colour the browser paints it and whether it takes up room; for the trend, each
# regression's circle and the legend's marks. Written into the page as JSON, for
# `--dump-dom` to bring back.
_PROBE = """
<script>
function placeOf(el) {
  const card = el.closest(".card"), cell = el.closest("td"), svg = el.closest("svg");
  if (card) return ["card", card.querySelector("span").textContent];
  if (cell) {
    const table = cell.closest("table");
    return [table.id, cell.parentElement.cells[0].textContent,
            table.rows[0].cells[cell.cellIndex].textContent];
  }
  return [svg.closest("section").id, el.dataset.name];
}
function shownBy(el) {
  const holder = el.closest(".card b") || el.closest("td");
  return holder ? holder.textContent : "";
}
const painted = el => getComputedStyle(el)[el instanceof SVGElement ? "fill" : "backgroundColor"];
const probe = {
  lights: [...document.querySelectorAll("[data-light]")].map(el => ({
    place: placeOf(el), light: el.dataset.light, colour: painted(el), shown: shownBy(el),
    drawn: el.getBoundingClientRect().width > 0,
  })),
  regressions: [...document.querySelectorAll("circle.regression")].map(el => ({
    name: el.dataset.name, stroke: getComputedStyle(el).stroke,
  })),
  legend: [...document.querySelectorAll("svg.trend text")]
    .map(el => el.textContent).filter(text => /[a-z]/.test(text)),
};
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify(probe);
document.body.appendChild(out);
</script>
"""


def rendered_lights(page: Path, profile: Path) -> tuple[dict[str, Any], list[str]]:
    """What headless Chromium paints of the report's traffic lights and trend (see
    `_PROBE`), and the errors its scripts logged. The page is copied beside itself with the
    probe added, so the report under test is left as it was written."""
    probed = page.with_name(f"{page.stem}.probed.html")
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"),
        encoding="utf-8",
    )
    done = chromium(probed, profile, "--virtual-time-budget=5000", "--dump-dom")
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    return json.loads(html.unescape(found[1])), console_errors(done)
