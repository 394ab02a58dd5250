"""Stylesheets per second: the palette and font rules beside stylelint on the same files.

usage: python benchmarks/assets.py [--files 500] [--rules 60]

Generates FILES stylesheets of RULES rule blocks each (colours in every syntax, most on the
palette, some near misses, some far; font stacks), then times:
- brandlint in-process (guide compiled once): declarations per second;
- `brandlint check` on the folder (start-up included);
- stylelint (npm, installed once under $PEERS_HOME, default /tmp/brandlint-peers) with
  the closest configuration it has: `declaration-property-value-allowed-list` holding the
  palette's exact spellings and the allowed font stacks. stylelint matches spellings; it
  cannot tell a near miss from a far one or read `rgb()` as the same colour as `#…`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PALETTE = {"Kestrel Blue": "#0B5FFF", "Ink": "#101820", "White": "#FFFFFF"}
ON = ["#0B5FFF", "#101820", "#FFFFFF", "rgb(11, 95, 255)", "#fff", "white"]
NEAR = ["#0B5FFE", "#111", "#FAFAFA", "hsl(220 100% 52%)", "rgba(10, 94, 255, .5)"]
FAR = ["tomato", "#FF6A00", "#333", "rgb(0 128 0)"]
FONTS = ["Inter, sans-serif", '"Helvetica Neue", Arial, sans-serif', "Georgia, serif"]
GUIDE = """name: bench
assets:
  palette: {palette}
  fonts:
    families: [Inter]
    uses:
      quote: {{families: [Georgia], selectors: [blockquote]}}
"""


def stylesheet(r: random.Random, rules: int) -> str:
    out = []
    for n in range(rules):
        colour = r.choice(ON if r.random() < 0.8 else NEAR if r.random() < 0.6 else FAR)
        second = r.choice(ON)
        out.append(
            f".block-{n} > a:hover {{\n  color: {colour};\n  border: 1px solid {second};\n"
            f"  font-family: {r.choice(FONTS)};\n  margin: 0 auto;\n  padding: 4px 8px;\n}}\n"
        )
    return "".join(out)


def stylelint(home: Path) -> Path | None:
    binary = home / "node_modules" / ".bin" / "stylelint"
    if not binary.exists():
        home.mkdir(parents=True, exist_ok=True)
        if not (home / "package.json").exists():
            subprocess.run(["npm", "init", "-y"], cwd=home, capture_output=True, check=False)
        subprocess.run(
            ["npm", "install", "--silent", "stylelint"], cwd=home, capture_output=True, check=False
        )
    return binary if binary.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--rules", type=int, default=60)
    args = parser.parse_args()
    r = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "brandlint.yaml").write_text(GUIDE.format(palette=json.dumps(PALETTE)))
        css = root / "css"
        css.mkdir()
        for n in range(args.files):
            (css / f"site-{n:04}.css").write_text(stylesheet(r, args.rules))
        declarations = args.files * args.rules * 5
        print(f"{args.files} stylesheets, {declarations:,} declarations")

        from brandlint.workspace import Settings, Workspace

        workspace = Workspace(Settings(guide=str(root / "brandlint.yaml")))
        files = sorted(css.iterdir())
        workspace.lint_file(files[0])  # compile the guide, import the parsers
        start = time.perf_counter()
        alerts = sum(len(workspace.lint_file(path)) for path in files)
        elapsed = time.perf_counter() - start
        print(
            f"brandlint in-process  {elapsed:6.2f} s  {declarations / elapsed:9,.0f} decl/s"
            f"  {alerts:,} alerts"
        )

        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "brandlint", "check", "--format", "json", str(css)],
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        print(f"brandlint check       {elapsed:6.2f} s  {declarations / elapsed:9,.0f} decl/s")

        home = Path(os.environ.get("PEERS_HOME", "/tmp/brandlint-peers"))
        binary = stylelint(home)
        if binary is None:
            print("stylelint: not installed (npm unavailable); no peer figure")
            return
        allowed = "/^(#0B5FFF|#101820|#FFFFFF|#fff|white|rgb\\(11, 95, 255\\))$/i"
        config = {
            "rules": {
                "declaration-property-value-allowed-list": {
                    "/color/": [allowed],
                    "border": [
                        "/^1px solid (#0B5FFF|#101820|#FFFFFF|#fff|white|rgb\\(11, 95, 255\\))$/i"
                    ],
                    "font-family": ["/^(Inter|Georgia)\\b/"],
                }
            }
        }
        (root / ".stylelintrc.json").write_text(json.dumps(config))
        start = time.perf_counter()
        done = subprocess.run(
            [str(binary), "--formatter", "json", "css/**/*.css"],
            cwd=root,
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        found = sum(len(f["warnings"]) for f in json.loads(done.stdout or done.stderr or "[]"))
        print(
            f"stylelint             {elapsed:6.2f} s  {declarations / elapsed:9,.0f} decl/s"
            f"  {found:,} warnings"
        )


if __name__ == "__main__":
    main()
