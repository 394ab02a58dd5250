# ruff: noqa: E501 (the expected messages are kept whole, as a user reads them)
"""Hostile and broken documents: YAML bombs in front matter and copy decks, deep nesting,
binary bytes and wrong encodings, documents over the size limit, image headers declaring
absurd sizes, hostile file names. Each gives the exact alert a user reads (rule, line,
column, message) and the exit code, and nothing else in the file is lost (issue 15).
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from brandlint import Settings, Workspace

LAUGHS = "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ['"lol"'] * 9) + "]\n"
    for i in range(9)
)
BOMB = "YAML aliases here repeat over 100,000 values (an alias bomb); write fewer aliases, or raise BRANDLINT_MAX_YAML_ALIAS_NODES"
BINARY = "This is a binary file, not copy; brandlint skipped it."

# file name, its bytes, exit code, the first alert (line, column, rule, message)
CASES = [
    (
        "fm-laughs.md",
        f"---\n{LAUGHS}---\nOur synergy.\n".encode(),
        1,
        (
            7,
            15,
            "brandlint.front-matter",
            f"Front matter is not valid YAML ({BOMB}); its settings were ignored.",
        ),
    ),
    (
        "fm-recursive.md",
        b"---\na: &x\n  b: *x\n---\nOur synergy.\n",
        1,
        (
            3,
            6,
            "brandlint.front-matter",
            "Front matter is not valid YAML (YAML alias '*x' repeats a value that holds the alias itself (a recursive alias); write the value out instead); its settings were ignored.",
        ),
    ),
    (
        "fm-tag.md",
        b"---\ntitle: !!python/name:os.system\n---\nOur synergy.\n",
        1,
        (
            2,
            8,
            "brandlint.front-matter",
            "Front matter is not valid YAML (unknown YAML tag '!!python/name:os.system'; remove it (brandlint reads plain YAML: text, numbers, true/false, lists and mappings)); its settings were ignored.",
        ),
    ),
    (
        "fm-deep.md",
        ("---\nx: " + "[" * 150 + "]" * 150 + "\n---\nOur synergy.\n").encode(),
        1,
        (
            2,
            103,
            "brandlint.front-matter",
            "Front matter is not valid YAML (YAML nested over 100 levels deep; flatten it, or raise BRANDLINT_MAX_YAML_DEPTH); its settings were ignored.",
        ),
    ),
    (
        "fm-json-deep.md",
        ('{"a": ' * 1100 + "1" + " }" * 1100 + "\nOur synergy.\n").encode(),
        1,
        (
            1,
            1,
            "brandlint.front-matter",
            "Front matter is not valid JSON (nested too deeply); its settings were ignored.",
        ),
    ),
    (
        "deck-laughs.copy.yaml",
        LAUGHS.encode(),
        1,
        (
            6,
            15,
            "brandlint.deck",
            f"This copy deck is not valid YAML or JSON ({BOMB}); nothing in it was linted.",
        ),
    ),
    (
        "binary.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00synergy",
        1,
        (1, 1, "brandlint.unreadable", BINARY),
    ),
    (
        "latin1.md",
        b"Caf\xe9 synergy.\n",
        1,
        (
            1,
            1,
            "brandlint.unreadable",
            "This file is not valid UTF-8 (byte 0xe9 on line 1); save it as UTF-8 to lint it.",
        ),
    ),
    ("utf16.md", "Our synergy.\n".encode("utf-16"), 1, (1, 1, "brandlint.unreadable", BINARY)),
    ("nul.md", b"Our\x00 synergy.\n", 1, (1, 1, "brandlint.unreadable", BINARY)),
    ("cr-only.md", b"One.\rOur synergy.\r", 0, (2, 5, "t.terms.synergy", "Avoid 'synergy'.")),
    (
        "long-line.md",
        b"x" * 300_000 + b" synergy\n",
        0,
        (1, 300_002, "t.terms.synergy", "Avoid 'synergy'."),
    ),
]


def first_alert(out: str) -> tuple[int, int, str, str]:
    alert = json.loads(out.splitlines()[0])
    return alert["line"], alert["column"], alert["rule"], alert["message"]


@pytest.mark.parametrize(("name", "data", "code", "alert"), CASES, ids=[c[0] for c in CASES])
def test_a_hostile_document_gets_one_clear_alert(project: Path, brandlint, name, data, code, alert):
    (project / name).write_bytes(data)
    done = brandlint("check", "--format", "jsonl", name)
    assert (done.code, first_alert(done.out)) == (code, alert)


@pytest.mark.parametrize("name", ["fm-laughs.md", "fm-recursive.md", "fm-tag.md", "fm-deep.md"])
def test_copy_after_broken_front_matter_is_still_linted(project: Path, brandlint, name):
    (data,) = [c[1] for c in CASES if c[0] == name]
    (project / name).write_bytes(data)
    done = brandlint("check", "--format", "jsonl", name)
    rules = [json.loads(line)["rule"] for line in done.out.splitlines()]
    assert rules == ["brandlint.front-matter", "t.terms.synergy"]


def test_an_empty_file_is_checked_and_clean(project: Path, brandlint):
    (project / "empty.md").write_bytes(b"")
    done = brandlint("check", "empty.md")
    assert (done.code, done.out) == (
        0,
        "0 errors, 0 warnings, 0 suggestions in 0 of 1 file checked.\n",
    )


# -- the document size limit ----------------------------------------------------------

TOO_LARGE = "Not checked: this document is over 100 bytes, brandlint's limit (split it, or raise BRANDLINT_MAX_DOCUMENT_BYTES)."


def test_a_document_over_the_limit_is_a_warning_naming_the_limit(project, brandlint, monkeypatch):
    monkeypatch.setenv("BRANDLINT_MAX_DOCUMENT_BYTES", "100")
    (project / "big.md").write_text("Our synergy. " * 10)
    done = brandlint("check", "--format", "jsonl", "big.md")
    assert (done.code, first_alert(done.out)) == (0, (1, 1, "brandlint.too-large", TOO_LARGE))


def test_a_document_at_the_limit_is_checked(project, brandlint, monkeypatch):
    monkeypatch.setenv("BRANDLINT_MAX_DOCUMENT_BYTES", "100")
    (project / "fits.md").write_text(("Our synergy." + " " * 87)[:99] + "\n")
    done = brandlint("check", "--format", "jsonl", "fits.md")
    assert first_alert(done.out) == (1, 5, "t.terms.synergy", "Avoid 'synergy'.")


def test_text_over_the_limit_in_memory_gets_the_same_warning(project, monkeypatch):
    monkeypatch.setenv("BRANDLINT_MAX_DOCUMENT_BYTES", "100")
    (alert,) = Workspace(Settings()).lint_text("é" * 60, path="page.md")  # 120 bytes
    assert (alert.rule, alert.message, alert.span.line) == ("brandlint.too-large", TOO_LARGE, 1)


@pytest.mark.parametrize("value", ["lots", "0", "-5", "1e6"])
def test_a_limit_that_is_not_a_whole_number_is_a_usage_error(
    project, brandlint, monkeypatch, value
):
    monkeypatch.setenv("BRANDLINT_MAX_DOCUMENT_BYTES", value)
    (project / "page.md").write_text("Fine.\n")
    done = brandlint("check", "page.md")
    assert (done.code, done.first_error) == (
        2,
        f"brandlint: BRANDLINT_MAX_DOCUMENT_BYTES={value!r} is not a whole number of 1 or more; set it to a limit such as 8000000, or unset it for the default",
    )


def test_lone_surrogates_in_memory_are_read_as_replacement_characters(project):
    alerts = Workspace(Settings()).lint_text("\ud800 Our \udfff synergy.\n", path="page.md")
    assert [(a.rule, a.span.line, a.span.column, a.match) for a in alerts] == [
        ("t.terms.synergy", 1, 9, "synergy")
    ]


# -- rule files read as Vale reads them -------------------------------------------------


def test_a_rule_file_key_written_twice_keeps_the_last_value_with_a_warning(project, brandlint):
    styles = project / "styles" / "Acme"
    styles.mkdir(parents=True)
    (styles / "Swap.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\n"
        "swap:\n  utilize: employ\n  utilize: use\n"
    )
    (project / "brandlint.yaml").write_text("name: t\nextends: [styles]\n")
    (project / "page.md").write_text("We utilize it.\n")
    done = brandlint("check", "--format", "jsonl", "page.md")
    assert done.first_error == (
        f"{styles / 'Swap.yml'}:6:3: warning: key 'utilize' appears twice; the last value is used, as in Vale (keep one)"
    )
    assert (done.code, first_alert(done.out)) == (
        1,
        (1, 4, "Acme.Swap", "Use 'use' instead of 'utilize'."),
    )


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (LAUGHS, "6:15", BOMB),
        (
            "extends: existence\nlevel: &l [*l]\n",
            "2:12",
            "YAML alias '*l' repeats a value that holds the alias itself (a recursive alias); write the value out instead",
        ),
        (
            "extends: !Ref existence\n",
            "1:10",
            "unknown YAML tag '!Ref'; remove it (brandlint reads plain YAML: text, numbers, true/false, lists and mappings)",
        ),
    ],
    ids=["laughs", "recursive", "tag"],
)
def test_a_hostile_rule_file_is_a_guide_error(project, brandlint, text, where, message):
    styles = project / "styles" / "Acme"
    styles.mkdir(parents=True)
    (styles / "Bad.yml").write_text(text)
    (project / "brandlint.yaml").write_text("name: t\nextends: [styles]\n")
    (project / "page.md").write_text("Fine.\n")
    done = brandlint("check", "page.md")
    assert (done.code, done.first_error) == (2, f"{styles / 'Bad.yml'}:{where}: error: {message}")


# -- images -----------------------------------------------------------------------------


def png(width: int, height: int) -> bytes:
    """A PNG header declaring `width` × `height` (no pixel data: nothing to decode)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("size", "declared"),
    [((100_000, 100_000), "10,000,000,000"), ((20_000, 6_000), "20,000 × 6,000")],
    ids=["pillow-bomb", "over-budget"],
)
def test_an_image_header_over_the_pixel_budget_is_refused_unread(project, size, declared):
    from brandlint.assets.image_files import ImageFileError, read_image

    (project / "hero.png").write_bytes(png(*size))
    with pytest.raises(ImageFileError) as refused:
        read_image(project / "hero.png")
    assert str(refused.value) == (
        f"its header declares {declared} pixels, over brandlint's budget of 100,000,000 "
        "(a damaged file or a decompression bomb; raise BRANDLINT_MAX_IMAGE_PIXELS if it is real)"
    )


def test_an_image_within_the_budget_is_read_from_its_header(project):
    from brandlint.assets.image_files import ImageInfo, read_image

    (project / "hero.png").write_bytes(png(1200, 630))
    assert read_image(project / "hero.png") == ImageInfo("png", 1200.0, 630.0)


# -- file names and paths -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["-rf.md", "with space.md", "ünïcödé.md", "semi;colon.md", "$(touch pwned).md", "quote'\".md"],
)
def test_hostile_file_names_are_linted_as_files(project, brandlint, name):
    (project / name).write_text("Our synergy.\n")
    done = brandlint("check", "--format", "jsonl", "--", name)
    assert (done.code, first_alert(done.out)) == (0, (1, 5, "t.terms.synergy", "Avoid 'synergy'."))
    assert not (project / "pwned").exists()


def test_a_path_that_does_not_exist_is_a_usage_error(project, brandlint):
    done = brandlint("check", "nowhere.md")
    assert done.code == 2
    assert "nowhere.md" in done.first_error
