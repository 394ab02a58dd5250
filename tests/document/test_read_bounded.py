"""Reading a file's bytes up to the document limit (`read_bounded`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.document.reader import read_bounded

PAGE = b"# Kestrel Cloud\n\nPlan your week in one place. Ship with fewer meetings.\n"


def test_a_page_under_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(PAGE)
    assert read_bounded(str(path), 1_000) == PAGE


def test_a_page_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(PAGE)
    assert read_bounded(str(path), len(PAGE)) == PAGE


def test_a_page_over_the_limit_reads_one_byte_past_it(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(PAGE)
    assert read_bounded(str(path), 20) == PAGE[:21]


def test_an_empty_file_reads_as_no_bytes(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert read_bounded(str(path), 1_000) == b""


def test_a_missing_file_raises_the_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bounded(str(tmp_path / "gone.md"), 1_000)
