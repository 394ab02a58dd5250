"""Words per second: brandlint with the Kestrel example guide beside proselint, same files.

usage: python benchmarks/throughput.py [--docs 1000] [--dir /tmp/brandlint-bench]

Both tools run as a user runs them (one command over the folder, start-up included), then
brandlint in-process with a warm guide (what the language server and audits see): once with
every rule of the example guide (terms, tone, readability, channels) and once with its terms
and consistency groups only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _corpus import EXAMPLE_GUIDE, corpus, words


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--dir", default="/tmp/brandlint-bench")
    args = parser.parse_args()
    folder = Path(args.dir) / f"corpus-{args.docs}"
    paths = corpus(folder, args.docs)
    total = words(paths)
    print(f"corpus: {len(paths)} files, {total} words ({folder})")

    brandlint = [
        sys.executable,
        "-m",
        "brandlint",
        "check",
        "--guide",
        str(EXAMPLE_GUIDE),
        "--format",
        "json",
        "--output",
        "/dev/null",
        str(folder),
    ]
    seconds = timed(brandlint)
    print(f"brandlint  CLI       {seconds:7.2f} s  {total / seconds:9.0f} words/s")

    proselint = shutil.which("proselint")
    if proselint:
        start = time.perf_counter()
        for i in range(0, len(paths), 500):
            subprocess.run(
                [proselint, "check", *map(str, paths[i : i + 500])],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        seconds = time.perf_counter() - start
        print(f"proselint  CLI       {seconds:7.2f} s  {total / seconds:9.0f} words/s")
    else:
        print("proselint  not installed (pip install proselint)")

    from brandlint.workspace import Settings, Workspace

    terms_only = Path(args.dir) / "terms-only.yaml"
    terms_only.write_text(terms_only_guide(), encoding="utf-8")
    for label, guide in (("all rules", EXAMPLE_GUIDE), ("terms only", terms_only)):
        workspace = Workspace(Settings(guide=str(guide)))
        workspace.lint_text("Warm up the pipeline and the matchers.", str(folder / "web" / "x.md"))
        start = time.perf_counter()
        alerts = sum(len(workspace.lint_file(p)) for p in paths)
        seconds = time.perf_counter() - start
        print(
            f"brandlint  in-process, {label:10} {seconds:6.2f} s  {total / seconds:9.0f} "
            f"words/s  ({alerts} alerts)"
        )


def terms_only_guide() -> str:
    """The example guide with its terms and consistency groups, and nothing else."""
    import yaml

    data = yaml.safe_load(EXAMPLE_GUIDE.read_text(encoding="utf-8"))
    kept = {k: data[k] for k in ("name", "lang", "channels", "languages", "terms", "consistency")}
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main()
