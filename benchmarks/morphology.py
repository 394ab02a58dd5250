"""Precision and recall of inflected term matching, per language (hu, nb, az).

usage: python benchmarks/morphology.py [--verbose] [--hunspell]

Reads tests/fixtures/morphology/LANG.tsv: forms of guide terms that must match (cases,
plurals, possessives, endings after a hyphen or apostrophe, closed compounds where the
term allows them) and words that must not (other words that start like the term). Each
term becomes a guide entry (`avoid: [term]`, with `compounds: true` on compound rows); a
form counts as matched when an alert covers exactly that word.

--hunspell also checks the list itself against Debian's Hunspell dictionaries (read with
spylls): every form of a dictionary word, and the model form a brand name's form follows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "morphology"
HUNSPELL = {"hu": "/usr/share/hunspell/hu_HU", "nb": "/usr/share/hunspell/nb_NO"}


def read_rows(lang: str) -> list[dict[str, str]]:
    lines = (FIXTURES / f"{lang}.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row, strict=True)) for row in body]


def matched_forms(lang: str, rows: list[dict[str, str]]) -> dict[tuple[str, str, str], bool]:
    """(term, compounds, form) → whether brandlint flags the form as the term, each term in
    a guide of its own (two terms of one guide may claim the same compound)."""
    from brandlint.nlp.pipelines import Pipelines
    from brandlint.workspace import Settings, Workspace

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        groups[(row["term"], row["compounds"])].append(row["form"])
    pipelines = Pipelines()
    out: dict[tuple[str, str, str], bool] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n, ((term, compounds), forms) in enumerate(groups.items()):
            guide = Path(folder) / f"g{n}" / "brandlint.yaml"
            guide.parent.mkdir()
            allow = "true" if compounds == "1" else "false"
            guide.write_text(
                f"name: m\nlang: {lang}\nterms:\n  - avoid: [{term!r}]\n    compounds: {allow}\n",
                encoding="utf-8",
            )
            workspace = Workspace(Settings(guide=str(guide)), pipelines=pipelines)
            copy = "".join(f"Ez {form} itt.\n\n" for form in forms)
            alerts = workspace.lint_text(copy, str(guide.parent / "copy.md"))
            found = {(a.span.line, a.match) for a in alerts if a.rule.startswith("m.terms.")}
            for i, form in enumerate(forms):
                out[(term, compounds, form)] = (2 * i + 1, form) in found
    return out


def hunspell_check(lang: str, rows: list[dict[str, str]]) -> None:
    path = HUNSPELL.get(lang)
    if path is None or not Path(path + ".dic").exists():
        print(f"  {lang}: no Hunspell dictionary to check against")
        return
    from spylls.hunspell import Dictionary

    dictionary = Dictionary.from_files(path)
    checked, rejected = 0, []
    for row in rows:
        word = row["model"] or (row["form"] if row["expect"] == "1" and not row["note"] else "")
        if not word:
            continue
        checked += 1
        if not dictionary.lookup(word):
            rejected.append(word)
    print(f"  {lang}: Hunspell accepts {checked - len(rejected)} of {checked} checked forms")
    for word in rejected:
        print(f"      not in Hunspell: {word}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--hunspell", action="store_true", help="check the lists too")
    parser.add_argument("--langs", default="hu,nb,az")
    args = parser.parse_args()
    print(f"{'lang':4} {'rows':>5} {'match':>6} {'no':>4}  {'precision':>9} {'recall':>7}  time")
    misses = []
    for lang in args.langs.split(","):
        rows = read_rows(lang)
        start = time.perf_counter()
        result = matched_forms(lang, rows)
        seconds = time.perf_counter() - start
        tp = fp = fn = tn = 0
        for row in rows:
            hit = result[(row["term"], row["compounds"], row["form"])]
            if row["expect"] == "1":
                tp, fn = tp + hit, fn + (not hit)
            else:
                fp, tn = fp + hit, tn + (not hit)
            if hit != (row["expect"] == "1"):
                kind = "missed" if row["expect"] == "1" else "false match"
                misses.append(f"  {lang} {kind}: {row['form']} ({row['term']}) {row['note']}")
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"{lang:4} {len(rows):5} {tp + fn:6} {fp + tn:4}  {precision:9.3f} {recall:7.3f}"
            f"  {seconds:.1f} s"
        )
    if args.verbose:
        print("\n".join(misses) or "  no misses")
    if args.hunspell:
        print("Hunspell check of the lists:")
        for lang in args.langs.split(","):
            hunspell_check(lang, read_rows(lang))


if __name__ == "__main__":
    sys.exit(main())
