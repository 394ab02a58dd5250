"""Where an in-process lint's time goes, rule by rule: CPU per rule kind and per rule.

usage: python benchmarks/rule_costs.py [--docs 1000] [--dir /tmp/brandlint-bench] [--top 12]

Lints the generated channel copy with the Kestrel example guide in this process, as
`throughput.py`'s in-process row does (the first 50 documents first, unmeasured, then every
rule's first-use data, as the command line loads it before its workers fork), and times
each rule's `check` (its findings consumed) through `Linter._check`. Prints the whole
lint's CPU, the rules' share, then the rule kinds and the single rules that cost most: what
the in-process target would have to remove (see benchmarks/README.md). The timing adds a
little to each call, so the rules' share reads slightly high.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from _corpus import EXAMPLE_GUIDE, corpus_of, corpus_parser, words

from brandlint import linter
from brandlint.parallel import warm_rules
from brandlint.workspace import Settings, Workspace

WARM_DOCS = 50


def timed(costs: dict[str, float], check: Callable[..., Any]) -> Callable[..., Any]:
    """`Linter._check` that adds each call's CPU to `costs`, by rule kind and rule."""

    def wrapper(self: linter.Linter, rule: Any, *args: Any) -> Any:
        start = time.process_time()
        try:
            return check(self, rule, *args)
        finally:
            costs[f"{type(rule).__name__}\0{rule.id}"] += time.process_time() - start

    return wrapper


def main() -> None:
    parser = corpus_parser()
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    _, paths = corpus_of(args)
    costs: dict[str, float] = defaultdict(float)
    linter.Linter._check = timed(costs, linter.Linter._check)  # type: ignore[method-assign]
    workspace = Workspace(Settings(guide=str(EXAMPLE_GUIDE)))
    for path in paths[:WARM_DOCS]:
        workspace.lint_file(path)
    warm_rules(workspace, [str(path) for path in paths[:WARM_DOCS]])
    costs.clear()
    start = time.process_time()
    for path in paths:
        workspace.lint_file(path)
    total = time.process_time() - start
    rules = sum(costs.values())
    count = words(paths)
    print(f"corpus: {len(paths)} files, {count} words; lint {total:.2f} CPU s in-process")
    print(
        f"rules' checks: {rules:.2f} CPU s ({100 * rules / total:.0f} %, "
        f"{1e6 * rules / count:.2f} µs per word); the rest (reading, parsing, tokenizing, "
        f"the phrase index, alerts): {total - rules:.2f} s"
    )
    kinds: dict[str, float] = defaultdict(float)
    for key, seconds in costs.items():
        kinds[key.split("\0")[0]] += seconds
    print(f"\nrule kinds ({len(kinds)}), ms per {len(paths)} documents:")
    for kind, seconds in sorted(kinds.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {1000 * seconds:8.1f}  {kind}")
    print(f"\nrules ({len(costs)}), ms per {len(paths)} documents:")
    for key, seconds in sorted(costs.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {1000 * seconds:8.1f}  {key.split(chr(0))[1]}")


if __name__ == "__main__":
    main()
