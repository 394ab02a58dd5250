"""Hostile and broken CMS exports (issue 15): huge fields, other encodings, broken rows and
lines, missing columns, and the audit's own pass/fail options.

Each command-line case runs `python -m brandlint audit` in a subprocess with a time bound,
and checks the exit code, the exact stderr lines, that no trace is printed, and that no
input changed. The parsing details are checked in-process on `export_items`.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from brandlint.audit.items import Item, export_items
from brandlint.core.errors import UsageError

TIMEOUT = 20  # seconds; generous: each run loads spaCy once
GUIDE = "name: acme\nterms:\n  - use: Acme Cloud\n    case: exact\n    level: error\n"


def audit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brandlint", "audit", "--no-cache", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))}


def no_trace(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "brandlint.yaml").write_text(GUIDE)
    return root


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


def report(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_200_kb_csv_field_is_audited(corpus, reports):
    # 211,600 characters in 2,300 paragraphs (the csv module's default limit is 131,072)
    big = ("All good here. " * 6 + "\n\n") * 2_300
    (corpus / "cms.csv").write_text(f'id,body\nbig,"{big}Acme cloud."\nsmall,All fine.\n')
    before = snapshot(corpus)
    done = audit(corpus, "cms.csv", "--json", str(reports / "r.json"))
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.startswith("2 files, 41404 words: ")
    no_trace(done)
    paths = {d["path"] for d in report(reports / "r.json")["documents"]}
    assert paths == {"cms.csv#big", "cms.csv#small"}
    assert snapshot(corpus) == before


LATIN = "id,body\ncafe,Caf\u00e9 au lait with Acme cloud.\n".encode("latin-1")


def test_a_latin_1_csv_without_encoding_stops_naming_the_file_and_byte(corpus):
    (corpus / "cms.csv").write_bytes(LATIN)
    before = snapshot(corpus)
    done = audit(corpus, "cms.csv")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "brandlint: cms.csv: not UTF-8 at byte 16 (0xe9, line 2); name its encoding with "
        "--encoding (for example --encoding latin-1)"
    ]
    assert done.stdout == ""
    no_trace(done)
    assert snapshot(corpus) == before


def test_a_latin_1_csv_with_encoding_is_audited(corpus, reports):
    (corpus / "cms.csv").write_bytes(LATIN)
    before = snapshot(corpus)
    done = audit(corpus, "--encoding", "latin-1", "cms.csv", "--json", str(reports / "r.json"))
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.startswith("1 files, 6 words: ")
    no_trace(done)
    alerts = report(reports / "r.json")["alerts"]
    assert [(a["path"], a["column"], a["match"]) for a in alerts] == [
        ("cms.csv#cafe", 19, "Acme cloud")  # columns of the decoded text: é is one
    ]
    assert snapshot(corpus) == before


def test_an_encoding_the_text_does_not_fit_is_named_with_its_byte(corpus):
    (corpus / "cms.csv").write_bytes(LATIN)
    done = audit(corpus, "--encoding", "ascii", "cms.csv")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["brandlint: cms.csv: not ascii at byte 16 (0xe9, line 2)"]
    no_trace(done)


@pytest.mark.parametrize("name", ["klingon", "base64"])
def test_an_unknown_encoding_is_a_usage_error_at_parse_time(corpus, name):
    done = audit(corpus, "--encoding", name, "brandlint.yaml")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"brandlint audit: error: argument --encoding: unknown encoding '{name}' "
        "(see 'brandlint audit --help')"
    ]
    no_trace(done)


def test_a_broken_jsonl_line_among_good_ones_is_reported_and_skipped(corpus, reports):
    (corpus / "feed.jsonl").write_text(
        '{"id": "a", "body": "Acme cloud is here."}\n'
        '{"id": "b", "body": "half a record\n'
        "\n"
        "[1, 2]\n"
        '{"id": "d", "body": 5}\n'
        '{"id": "e", "title": "no copy"}\n'
        '{"id": "f", "body": "All fine."}\n'
    )
    before = snapshot(corpus)
    done = audit(corpus, "feed.jsonl", "--json", str(reports / "r.json"))
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "skipped feed.jsonl#row-2: line 2: not valid JSON "
        "(Unterminated string starting at at column 21)",
        "skipped feed.jsonl#row-3: line 4: not a JSON object but list",
        "skipped feed.jsonl#row-4: line 5: the body is int, not text",
        "skipped feed.jsonl#row-5: line 6: no body field (found: id, title)",
    ]
    assert done.stdout.startswith("2 files, 6 words: ")
    assert "; 4 skipped" in done.stdout.splitlines()[0]
    no_trace(done)
    data = report(reports / "r.json")
    assert {d["path"] for d in data["documents"]} == {"feed.jsonl#a", "feed.jsonl#f"}
    assert [s["path"] for s in data["skipped"]] == [
        "feed.jsonl#row-2",
        "feed.jsonl#row-3",
        "feed.jsonl#row-4",
        "feed.jsonl#row-5",
    ]
    assert snapshot(corpus) == before


def test_broken_csv_rows_are_reported_and_the_rest_audited(corpus):
    (corpus / "cms.csv").write_text(
        "id,body\n"
        'one,"an unclosed quote\n'
        "two,Acme cloud is fine.\n"
        "three,too,many,fields\n"
        'four,"stray" quote\n'
        "five,The last one.\n"
    )
    before = snapshot(corpus)
    done = audit(corpus, "cms.csv")
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "skipped cms.csv#row-1: line 2: cannot be read as CSV (',' expected after '\"')",
        "skipped cms.csv#row-3: line 4: 4 fields where the header has 2",
        "skipped cms.csv#row-4: line 5: cannot be read as CSV (',' expected after '\"')",
    ]
    assert done.stdout.startswith("2 files, 7 words: ")
    assert "1 errors" in done.stdout and "; 3 skipped" in done.stdout
    no_trace(done)
    assert snapshot(corpus) == before


def test_a_csv_without_a_body_column_names_the_columns_found_and_expected(corpus):
    (corpus / "cms.csv").write_text("id,title,Channel\n1,Acme cloud,web\n")
    before = snapshot(corpus)
    done = audit(corpus, "cms.csv")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "brandlint: cms.csv: no body column; columns found: id, title, channel; expected one "
        "of body, text, content, copy (and optionally id, url, channel, lang, format)"
    ]
    assert done.stdout == ""
    no_trace(done)
    assert snapshot(corpus) == before


def test_a_jsonl_export_without_a_body_field_names_the_fields_found(corpus):
    (corpus / "feed.jsonl").write_text('{"id": 1, "title": "x"}\n{"id": 2, "url": "/y"}\n')
    done = audit(corpus, "feed.jsonl")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "brandlint: feed.jsonl: no body column; fields found: id, title, url; expected one "
        "of body, text, content, copy (and optionally id, url, channel, lang, format)"
    ]
    no_trace(done)


def test_a_report_over_an_audited_export_is_refused(corpus):
    (corpus / "cms.csv").write_text("id,body\n1,Acme cloud.\n")
    before = snapshot(corpus)
    done = audit(corpus, ".", "--csv", "cms.csv")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "brandlint: --csv cms.csv: is one of the inputs; refusing to overwrite it"
    ]
    no_trace(done)
    assert snapshot(corpus) == before


# -- pass or fail ------------------------------------------------------------------------------


@pytest.fixture
def erring(corpus: Path) -> Path:
    (corpus / "page.md").write_text("Try Acme cloud today.\n")
    return corpus


def test_fail_level_error_fails_on_an_error_alert(erring):
    before = snapshot(erring)
    done = audit(erring, "--fail-level", "error", "page.md")
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["brandlint: 1 alert at or above error (--fail-level)"]
    assert done.stdout.startswith("1 files, 4 words: score ")
    no_trace(done)
    assert snapshot(erring) == before


def test_without_fail_level_an_audit_with_errors_passes(erring):
    done = audit(erring, "page.md")
    assert done.returncode == 0
    assert done.stderr == ""


def test_fail_level_passes_when_no_alert_reaches_it(corpus):
    (corpus / "page.md").write_text("All good here.\n")
    done = audit(corpus, "--fail-level", "suggestion", "page.md")
    assert done.returncode == 0
    assert done.stderr == ""


def test_score_min_101_always_fails(corpus):
    (corpus / "page.md").write_text("All good here.\n")
    before = snapshot(corpus)
    done = audit(corpus, "--score-min", "101", "page.md")
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["brandlint: score 100.0 is below 101 (--score-min)"]
    no_trace(done)
    assert snapshot(corpus) == before


def test_score_min_passes_at_or_below_the_score_and_both_checks_report(erring):
    # 4 words, one error, only terms rules: 100 × (4/75) / ((4/75) + 1) = 5.06, shown 5.1
    assert audit(erring, "--score-min", "5.1", "page.md").returncode == 0
    done = audit(erring, "--score-min", "99.5", "--fail-level", "warning", "page.md")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "brandlint: 1 alert at or above warning (--fail-level)",
        "brandlint: score 5.1 is below 99.5 (--score-min)",
    ]
    no_trace(done)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("-1", "expected a number of 0 or more, not '-1'"),
        ("lots", "expected a number, not 'lots'"),
        ("nan", "expected a number of 0 or more, not 'nan'"),
    ],
)
def test_score_min_must_be_a_number_of_0_or_more(corpus, value, why):
    done = audit(corpus, "--score-min", value, "brandlint.yaml")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"brandlint audit: error: argument --score-min: {why} (see 'brandlint audit --help')"
    ]
    no_trace(done)


# -- reading exports, in-process ----------------------------------------------------------------


def rows(path: Path, encoding: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(i.path.split("#")[1], i.text, i.problem) for i in export_items(str(path), encoding)]


def test_utf8_with_or_without_a_bom_and_utf16_with_one_are_read(tmp_path):
    text = "id,body\n1,Caf\u00e9\n"
    for name, data in (
        ("plain.csv", text.encode("utf-8")),
        ("bom.csv", codecs.BOM_UTF8 + text.encode("utf-8")),
        ("wide.csv", text.encode("utf-16")),  # with its BOM
    ):
        (tmp_path / name).write_bytes(data)
        assert rows(tmp_path / name) == [("1", "Caf\u00e9", None)], name


def test_a_declared_utf16_without_a_bom_is_used_first(tmp_path):
    (tmp_path / "wide.csv").write_bytes("id,body\n1,hello\n".encode("utf-16-le"))
    assert rows(tmp_path / "wide.csv", "utf-16-le") == [("1", "hello", None)]


def test_a_broken_quote_swallows_no_rows(tmp_path):
    (tmp_path / "cms.csv").write_text('id,body\n1,"open\n2,b\n3,c\n')
    assert rows(tmp_path / "cms.csv") == [
        ("row-1", None, "line 2: cannot be read as CSV (unexpected end of data)"),
        ("2", "b", None),
        ("3", "c", None),
    ]


def test_quoted_newlines_crlf_blank_lines_and_column_case_are_handled(tmp_path):
    (tmp_path / "cms.csv").write_bytes(
        b' ID , Body \r\n1,"two\r\nlines"\r\n\r\n2,"sep\xe2\x80\xa8arator"\r\n3,\r\n4,x,y\r\n'
    )
    assert rows(tmp_path / "cms.csv") == [
        ("1", "two\r\nlines", None),
        ("2", "sep\u2028arator", None),  # U+2028 is copy, not a line break
        ("row-4", None, "line 7: 3 fields where the header has 2"),
    ]


def test_jsonl_lines_that_are_too_deep_or_too_long_a_number_are_skipped(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        "[" * 100_000 + "\n" + '{"body": ' + "9" * 5_000 + "}\n" + '{"body": "ok"}\n'
    )
    found = rows(tmp_path / "feed.jsonl")
    assert [r[2] for r in found[:2]] == [
        "line 1: not valid JSON (RecursionError)",
        "line 2: not valid JSON (ValueError)",
    ]
    assert found[2] == ("row-3", "ok", None)


def test_an_empty_export_has_no_rows_and_a_header_only_csv_none_either(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    (tmp_path / "header.csv").write_text("id,body\n")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    for name in ("empty.csv", "header.csv", "empty.jsonl"):
        assert rows(tmp_path / name) == []


def test_an_unreadable_export_is_one_skipped_item(tmp_path):
    folder = tmp_path / "cms.csv"
    folder.mkdir()  # reading a folder fails with an OSError
    assert list(export_items(str(folder))) == [
        Item(str(folder), str(folder), problem="cannot be read: Is a directory")
    ]


def test_no_body_column_is_a_usage_error(tmp_path):
    (tmp_path / "cms.csv").write_text("id\n1\n")
    with pytest.raises(UsageError, match=r"no body column; columns found: id; expected"):
        list(export_items(str(tmp_path / "cms.csv")))


def test_a_lone_surrogate_in_jsonl_becomes_a_replacement_character(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"id": "a\\ud800", "body": "half \\ud83d an emoji"}\n')
    assert rows(tmp_path / "feed.jsonl") == [("a\ufffd", "half \ufffd an emoji", None)]


def test_a_cache_that_is_a_file_is_a_usage_error(corpus):
    (corpus / "cache").write_text("not a folder\n")
    (corpus / "page.md").write_text("All good here.\n")
    before = snapshot(corpus)
    done = subprocess.run(
        [sys.executable, "-m", "brandlint", "audit", "--cache", "cache", "page.md"],
        cwd=corpus,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["brandlint: --cache cache: not a folder"]
    no_trace(done)
    assert snapshot(corpus) == before
