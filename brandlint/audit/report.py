"""Audit reports: JSON (everything), CSV (one row per alert), and one self-contained HTML page."""

from __future__ import annotations

import csv
import html
from collections.abc import Sequence
from typing import Any, TextIO

from brandlint.audit.compare import Comparison, comparison_html
from brandlint.audit.history import Line, trend_html
from brandlint.audit.lights import CSS as LIGHTS_CSS
from brandlint.audit.lights import light_html
from brandlint.audit.records import AuditResult, ChannelScore, DocumentScore, VoiceSpread
from brandlint.core.categories import CATEGORIES
from brandlint.reporters.indented_json import dump
from brandlint.scores import GREEN, YELLOW, Scored, light
from brandlint.scores import __doc__ as SCORE_DOC

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


def _report(audit: AuditResult) -> dict[str, Any]:
    """The JSON report (`AuditResult.to_json`) with its alerts still to be read."""
    skipped = [s.to_json() for s in audit.skipped]
    return audit.head_json() | {"alerts": audit.alerts.records(), "skipped": skipped}


def write_json(audit: AuditResult, out: TextIO, comparison: Comparison | None = None) -> None:
    dump(_report(audit) | (comparison.to_json() if comparison else {}), out.write, indent=1)
    out.write("\n")


def write_csv(audit: AuditResult, out: TextIO) -> None:
    writer = csv.DictWriter(out, CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for record in audit.alerts.records():
        writer.writerow(record | {"replacements": " | ".join(record["replacements"])})


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


_STYLE = (
    """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#101820;max-width:1100px}
h1,h2{font-weight:600} table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f4f6fa} .cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:1px solid #ddd;border-radius:8px;padding:.6rem 1rem;min-width:8rem}
.card b{display:block;font-size:1.6rem} input{padding:6px;width:320px} .level-error{color:#b00020}
.level-warning{color:#8a5a00} .level-suggestion{color:#555}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.below{color:#b00020;font-weight:600}
"""
    + LIGHTS_CSS
)

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


def write_html(
    audit: AuditResult,
    out: TextIO,
    comparison: Comparison | None = None,
    history: Sequence[Line] = (),
) -> None:
    """The page; with `history` (this run last) it draws the trend, with `comparison` it
    lists the alerts new and fixed since the previous audit."""
    s = audit.summary.to_json()
    e = html.escape
    # the corpus score with its light, as every score on the page
    s["score"] = light_html(audit.summary.score, audit.summary.light)
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
    rules = _bars(
        [(r.rule, r.count) for r in audit.rules[:15]],
        max([r.count for r in audit.rules] or [0]),
    )
    compliance = _bars(
        [(r.rule, r.compliance) for r in sorted(audit.rules, key=lambda r: r.compliance)[:15]],
        100,
        "%",
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
    heads = "".join(
        f'<th data-key="{k}">{k}</th>'
        for k in ("path", "line", "level", "rule", "message", "match")
    )
    out.write(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>brandlint audit</title>
<style>{_STYLE}</style></head><body>
<h1>Brand consistency audit</h1>
<div class="cards">{cards}</div>
{trend_html(history)}{comparison_html(comparison) if comparison else ""}
{scores_html(audit)}
<h2>Score per rule (% of files without its alerts)</h2>{compliance}
<h2>Alerts per rule</h2>{rules}
<h2>Term variants across the corpus</h2>
<table id="variants"><tr><th>Rule</th><th>Spellings</th></tr>{variants}</table>
{documents_html(audit.documents)}
<h2>All alerts (<span id="shown">0</span>)</h2>
<input id="filter" placeholder="Filter by file, rule, level or text">
<table id="alerts"><thead><tr>{heads}</tr></thead><tbody></tbody></table>
<h2>How the score is computed</h2><pre>{e(SCORE_DOC or "")}</pre>
<script type="application/json" id="audit-data">""")
    # no "</" inside the script element: JSON puts none between two of its writes
    dump(_report(audit), lambda part: out.write(part.replace("</", "<\\/")), indent=None)
    out.write(f"""</script>
<script>{_SCRIPT}</script>
</body></html>
""")


# -- brand scores, traffic lights and voice scores ---------------------------------------


def _categories(scores: Scored | None, names: Sequence[str]) -> str:
    parts = scores.categories if scores else {}
    cells = []
    for name in names:
        part = parts.get(name)
        shown = round(part.score, 1) if part else None
        colour = None if shown is None else light(shown)
        cells.append(f'<td class="num">{light_html(shown, colour)}</td>')
    return "".join(cells)


def _histogram(voice: VoiceSpread) -> str:
    """The voice scores' ten 10-point bins as a small inline-SVG bar chart."""
    tallest = max(voice.bins) or 1
    bars = "".join(
        f'<rect x="{n * 10}" y="0" width="9" height="24" fill="#eef1f6"/>'
        f'<rect x="{n * 10}" y="{24 - 22 * count // tallest}" width="9" '
        f'height="{22 * count // tallest}" fill="#0B5FFF">'
        f"<title>{n * 10}–{n * 10 + 9 if n < 9 else 100}: {count}</title></rect>"
        for n, count in enumerate(voice.bins)
    )
    return (
        f'<svg class="voice-histogram" width="100" height="24" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">{bars}</svg>'
    )


def _spread(voice: VoiceSpread | None) -> str:
    if voice is None:
        return "<td>–</td><td></td>"
    below = f' <span class="below">{voice.below} below the minimum</span>' if voice.below else ""
    return (
        f'<td class="voice-spread">{voice.minimum} · {voice.q1:g} · <b>{voice.median:g}</b> · '
        f"{voice.q3:g} · {voice.maximum} ({voice.documents} docs){below}</td>"
        f"<td>{_histogram(voice)}</td>"
    )


def scores_html(audit: AuditResult) -> str:
    """The brand score per channel and for the corpus, per category, with traffic lights;
    with a voice profile, how the voice scores spread per channel."""
    rows: list[tuple[str, ChannelScore | None]] = [(c.channel, c) for c in audit.channels]
    scored = [c.scores for c in audit.channels if c.scores] + [audit.summary.scores]
    names = [n for n in CATEGORIES if any(s and n in s.categories for s in scored)]
    voiced = audit.summary.voice is not None
    heads = "".join(f"<th>{n}</th>" for n in names) + (
        "<th>Voice scores (min · Q1 · median · Q3 · max)</th><th>Histogram</th>" if voiced else ""
    )
    body = []
    for name, channel in [*rows, ("all channels", None)]:
        s = audit.summary
        files, words = (channel.files, channel.words) if channel else (s.files, s.words)
        scores = channel.scores if channel else s.scores
        voice = channel.voice if channel else s.voice
        shown = (channel.score, channel.light) if channel else (s.score, s.light)
        total = "" if channel else ' class="total"'
        body.append(
            f'<tr{total} data-channel="{html.escape(name)}"><td>{html.escape(name)}</td>'
            f'<td class="num">{files}</td><td class="num">{words}</td>'
            f'<td class="num">{light_html(*shown)}</td>{_categories(scores, names)}'
            f"{_spread(voice) if voiced else ''}</tr>"
        )
    return (
        "<h2>Brand score per channel</h2>"
        f"<p>Traffic lights: green ≥ {GREEN:g}, yellow ≥ {YELLOW:g}, red below.</p>"
        '<table id="channels"><tr><th>Channel</th><th>Files</th><th>Words</th><th>Score</th>'
        f"{heads}</tr>{''.join(body)}</table>"
    )


def documents_html(documents: Sequence[DocumentScore]) -> str:
    """Every audited piece, lowest score first, with its light and (with a voice profile)
    its voice score, marked when below the profile's minimum."""
    voiced = any(d.voice is not None for d in documents)
    rows = []
    for d in documents:
        voice = ""
        if voiced:
            low = d.voice is not None and d.voice_min is not None and d.voice < d.voice_min
            mark = ' class="num voice below"' if low else ' class="num voice"'
            voice = f"<td{mark}>{'–' if d.voice is None else d.voice}</td>"
        rows.append(
            f"<tr><td>{html.escape(d.path)}</td><td>{html.escape(d.channel)}</td>"
            f'<td class="num">{d.words}</td><td class="num">{light_html(d.score, d.light)}</td>'
            f'<td class="num">{d.alerts}</td>{voice}</tr>'
        )
    voice_head = "<th>Voice score</th>" if voiced else ""
    return (
        "<h2>Files, lowest score first</h2>"
        '<table id="documents"><tr><th>File</th><th>Channel</th><th>Words</th><th>Score</th>'
        f"<th>Alerts</th>{voice_head}</tr>{''.join(rows)}</table>"
    )


def _voice_text(voice: VoiceSpread | None) -> str:
    if voice is None:
        return ""
    below = f", {voice.below} below the minimum" if voice.below else ""
    return (
        f"; voice median {voice.median:g} (min {voice.minimum}, Q1 {voice.q1:g}, "
        f"Q3 {voice.q3:g}, max {voice.maximum}{below})"
    )


def score_lines(audit: AuditResult) -> list[str]:
    """The terminal's view of the scores: each channel with its light (and voice scores),
    then each file below green, lowest first; green files are counted, not listed."""
    lines = [
        f"channel {c.channel}: {c.files} file{'s' if c.files != 1 else ''}, {c.words} words: "
        + ("no score" if c.score is None else f"score {c.score} ({c.light})")
        + _voice_text(c.voice)
        for c in audit.channels
    ]
    green = 0
    for d in audit.documents:
        if d.score is None:
            continue
        if d.light == "green":
            green += 1
            continue
        voice = "" if d.voice is None else f"; voice {d.voice}"
        if d.voice is not None and d.voice_min is not None and d.voice < d.voice_min:
            voice += f" (below {d.voice_min})"
        lines.append(f"file {d.path}: score {d.score} ({d.light}){voice}")
    if green:
        lines.append(f"{green} file{'s' if green != 1 else ''} green")
    return lines
