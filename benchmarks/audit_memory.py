"""What an audit worker holds as it lints piece after piece (issue 16: ≤ 120 MiB a process).

usage: python benchmarks/audit_memory.py CORPUS GUIDE [--every 500] [--pieces N]

Lints the corpus in this one process, as a local worker does (`worker.audit_item`, piece
after piece, one workspace), and prints every `--every` pieces: CPU seconds, resident and
peak memory, what glibc's malloc has in use (C allocations, which tracemalloc does not
see), live Python objects, imported modules, and the sizes of what could grow with the
corpus: each spaCy pipeline's lexemes, strings and lemma table, the readability memo, the
`re` and `regex` caches. A count that climbs to the end is a leak; one that stops climbing
once every kind of file has been met (modules imported on first use, bounded memos) is not.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import sys
import time


def _status() -> dict[str, int]:
    """VmRSS and VmHWM (peak) of this process, in MiB."""
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) // 1024
    return found


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"
        ).split()
    ]


def _malloc_in_use() -> str:
    """MiB glibc's malloc hands out, and MiB of its arena: '' where there is no mallinfo2."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    if not hasattr(libc, "mallinfo2"):
        return ""
    libc.mallinfo2.restype = _Mallinfo2
    info = libc.mallinfo2()
    return f" malloc {info.uordblks >> 20}/{info.arena >> 20} MiB"


def _sample(done: int, started: float) -> str:
    import re

    import regex._main as regex_main

    from brandlint.parallel import _WORKSPACES
    from brandlint.readability import TEXTSTAT_COUNTS

    memory = _status()
    pipelines = {
        key: (len(p.nlp.vocab), len(p.nlp.vocab.strings), len(p.lemma_hashes or {}))
        for workspace in _WORKSPACES.values()
        for key, p in workspace.pipelines._cache.items()
    }
    words = sum(len(known) for known in TEXTSTAT_COUNTS._words.values())
    return (
        f"{done:6d} pieces  CPU {time.process_time() - started:6.1f} s  RSS {memory['VmRSS']} "
        f"MiB (peak {memory['VmHWM']}){_malloc_in_use()}  objects {len(gc.get_objects())}  "
        f"modules {len(sys.modules)}  re {len(re._cache)}  regex {len(regex_main._cache)}  "
        f"readability words {words} paragraphs {len(TEXTSTAT_COUNTS._paragraphs)}  "
        f"(lexemes, strings, lemmas) {pipelines}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("guide")
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--pieces", type=int, help="stop after this many")
    args = parser.parse_args()

    from brandlint.audit import worker
    from brandlint.audit.run import items
    from brandlint.workspace import Settings, Workspace

    settings = Settings(guide=args.guide)
    started = time.process_time()
    done = 0
    for done, item in enumerate(items(Workspace(settings), [args.corpus]), 1):
        worker.audit_item(settings, item)
        if done == 1 or done % args.every == 0:
            print(_sample(done, started), flush=True)
        if done == args.pieces:
            break
    if done % args.every:
        print(_sample(done, started))


if __name__ == "__main__":
    main()
