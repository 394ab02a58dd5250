"""Audit reports: JSON (everything), CSV (one row per alert), and one self-contained HTML page."""

from __future__ import annotations

import csv
import html
import json
from typing import TextIO

from brandlint.audit.records import AuditResult
from brandlint.audit.score import __doc__ as SCORE_DOC
from brandlint.reporters.json_report import alert_record

CSV_FIELDS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "level",
    "message",
    "match",
    "replacements",
    "channel",
    "lang",
)


def write_json(audit: AuditResult, out: TextIO) -> None:
    json.dump(audit.to_json(), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(audit: AuditResult, out: TextIO) -> None:
    writer = csv.DictWriter(out, CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for alert in audit.alerts:
        writer.writerow({**alert_record(alert), "replacements": " | ".join(alert.replacements)})


def _bars(rows: list[tuple[str, float]], maximum: float, unit: str = "") -> str:
    """A horizontal bar chart as inline SVG."""
    height = 24 * len(rows) + 8
    parts = [
        f'<svg class="chart" width="760" height="{height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for n, (label, value) in enumerate(rows):
        y = 4 + 24 * n
        width = 0 if not maximum else int(340 * value / maximum)
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="12">{html.escape(label)}</text>'
            f'<rect x="360" y="{y + 3}" width="{width}" height="16" fill="#0B5FFF"/>'
            f'<text x="{366 + width}" y="{y + 15}" font-size="12">{value:g}{unit}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#101820;max-width:1100px}
h1,h2{font-weight:600} table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f4f6fa} .cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:1px solid #ddd;border-radius:8px;padding:.6rem 1rem;min-width:8rem}
.card b{display:block;font-size:1.6rem} input{padding:6px;width:320px} .level-error{color:#b00020}
.level-warning{color:#8a5a00} .level-suggestion{color:#555}
"""

_SCRIPT = """
const data = JSON.parse(document.getElementById("audit-data").textContent);
const body = document.querySelector("#alerts tbody");
const columns = ["path", "line", "level", "rule", "message", "match"];
let rows = data.alerts.slice();
let sortKey = "path", ascending = true;
function render() {
  const needle = document.getElementById("filter").value.toLowerCase();
  const shown = rows.filter(
    a => !needle || columns.some(c => String(a[c]).toLowerCase().includes(needle)));
  const order = (a, b) => (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : 0);
  shown.sort((a, b) => order(a, b) * (ascending ? 1 : -1));
  body.replaceChildren(...shown.map(a => {
    const tr = document.createElement("tr");
    tr.className = "alert level-" + a.level;
    for (const c of columns) {
      const td = document.createElement("td");
      td.textContent = c === "path" ? a.path + ":" + a.line + ":" + a.column : a[c];
      tr.appendChild(td);
    }
    return tr;
  }));
  document.getElementById("shown").textContent = shown.length;
}
document.querySelectorAll("#alerts th").forEach(th => th.addEventListener("click", () => {
  ascending = sortKey === th.dataset.key ? !ascending : true; sortKey = th.dataset.key; render();
}));
document.getElementById("filter").addEventListener("input", render);
render();
"""


def write_html(audit: AuditResult, out: TextIO) -> None:
    s = audit.summary.to_json()
    e = html.escape
    cards = "".join(
        f'<div class="card"><span>{label}</span><b id="{key}">{s[key]}</b></div>'
        for key, label in (
            ("score", "Score"),
            ("files", "Files"),
            ("alerts", "Alerts"),
            ("errors", "Errors"),
            ("warnings", "Warnings"),
            ("suggestions", "Suggestions"),
            ("skipped", "Skipped"),
        )
    )
    channels = _bars([(c.channel, c.score or 0) for c in audit.channels], 100)
    rules = _bars(
        [(r.rule, r.count) for r in audit.rules[:15]],
        max([r.count for r in audit.rules] or [0]),
    )
    compliance = _bars(
        [(r.rule, r.compliance) for r in sorted(audit.rules, key=lambda r: r.compliance)[:15]],
        100,
        "%",
    )
    worst = "".join(
        f"<tr><td>{e(d.path)}</td><td>{e(d.channel)}</td><td>{d.score}</td><td>{d.alerts}</td></tr>"
        for d in audit.documents[:20]
    )
    variants = "".join(
        f"<tr><td>{e(v.rule)}</td><td>"
        + "<br>".join(
            f"<b>{e(f.form)}</b> in {f.files} file{'s' if f.files != 1 else ''}"
            f" ({e(', '.join(f.examples))})"
            for f in v.forms
        )
        + "</td></tr>"
        for v in audit.variants
    )
    payload = json.dumps(audit.to_json(), ensure_ascii=False).replace("</", "<\\/")
    heads = "".join(
        f'<th data-key="{k}">{k}</th>'
        for k in ("path", "line", "level", "rule", "message", "match")
    )
    out.write(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>brandlint audit</title>
<style>{_STYLE}</style></head><body>
<h1>Brand consistency audit</h1>
<div class="cards">{cards}</div>
<h2>Score per channel</h2>{channels}
<h2>Score per rule (% of files without its alerts)</h2>{compliance}
<h2>Alerts per rule</h2>{rules}
<h2>Term variants across the corpus</h2>
<table id="variants"><tr><th>Rule</th><th>Spellings</th></tr>{variants}</table>
<h2>Files with the lowest scores</h2>
<table id="worst"><tr><th>File</th><th>Channel</th><th>Score</th><th>Alerts</th></tr>{worst}</table>
<h2>All alerts (<span id="shown">0</span>)</h2>
<input id="filter" placeholder="Filter by file, rule, level or text">
<table id="alerts"><thead><tr>{heads}</tr></thead><tbody></tbody></table>
<h2>How the score is computed</h2><pre>{e(SCORE_DOC or "")}</pre>
<script type="application/json" id="audit-data">{payload}</script>
<script>{_SCRIPT}</script>
</body></html>
""")
