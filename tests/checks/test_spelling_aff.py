"""Hunspell .aff files read as leniently as Vale reads them: a line that cannot be read is
left out with a warning naming the file and line, never the whole dictionary."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from brandlint.spelling import Speller, read_aff

DIC = "4\nwalk/SD\ntalk/S\nbook/S\nkestrel\n"
AFF = """\
SET UTF-8
TRY esianrtolcdugmphbyfvkwz

# a phonetic table: only for suggestions, left out unread (Vale's own en_US.aff has
# UTF-8 in it under SET ISO8859-1)
PHONE 2
PHONE AH(AEIOUY)-^ *H
PHONE Ä<  E

SFX S Y 2
SFX S 0 s [^sxzhy]
SFX S

SFX D Y 1
SFX D 0 ed [^ey]

REP x
REP a b
"""


@pytest.fixture
def dictionary(tmp_path: Path) -> tuple[Path, Path]:
    aff, dic = tmp_path / "en_TEST.aff", tmp_path / "en_TEST.dic"
    aff.write_text(AFF, encoding="utf-8")
    dic.write_text(DIC, encoding="utf-8")
    return aff, dic


def test_bad_lines_are_left_out_and_named(dictionary: tuple[Path, Path]) -> None:
    affixes, context, skipped = read_aff(dictionary[0].read_bytes(), "Windows-1252")
    assert context.encoding == "UTF-8"
    assert [(s.flag, s.add, s.strip) for s in affixes.SFX["S"]] == [("S", "s", "")]
    assert [(s.flag, s.add) for s in affixes.SFX["D"]] == [("D", "ed")]
    assert affixes.PHONE is None
    assert [line for line, _ in skipped] == [12, 17]
    assert skipped[0][1].startswith("cannot read this SFX row (")
    assert skipped[1][1].startswith("cannot read the REP directive (")


def test_the_rest_of_the_dictionary_is_used_with_a_warning_per_line(
    dictionary: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    aff, dic = dictionary
    speller = Speller(((str(aff), str(dic)),))
    with caplog.at_level(logging.WARNING, logger="brandlint"):
        assert speller.problem() == ""
    assert [speller.known(w) for w in ("walks", "walked", "books", "kestrel", "talked")] == [
        True,
        True,
        True,
        True,
        False,
    ]
    assert [r.getMessage() for r in caplog.records] == [
        f"{aff}:12: cannot read this SFX row (make_affix() missing 2 required positional "
        "arguments: 'strip' and 'add'); this line is left out of the dictionary",
        f"{aff}:17: cannot read the REP directive (invalid literal for int() with base 10: 'x'); "
        "this line is left out of the dictionary",
    ]


def test_a_short_table_does_not_swallow_the_next_directive() -> None:
    raw = b"REP 3\nREP a b\nSFX S Y 1\nSFX S 0 s .\n"
    affixes, _, skipped = read_aff(raw, "UTF-8")
    assert [(p.pattern, p.replacement) for p in affixes.REP] == [("a", "b")]
    assert [s.add for s in affixes.SFX["S"]] == ["s"]
    assert skipped == []
