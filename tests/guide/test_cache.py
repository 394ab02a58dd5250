"""The compiled-guide cache: a guide read back from it is the guide its files give, a changed
input is noticed, and an entry brandlint did not sign is never unpickled."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.core.errors import Problem
from brandlint.document.reader import read_document
from brandlint.guide import loader
from brandlint.guide.cache import KEY_FILE, MAGIC
from brandlint.guide.loader import load_guide
from brandlint.guide.model import Guide
from brandlint.linter import Linter
from tests.conftest import row


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "brandlint" / "guides"


def _project(tmp_path: Path, guide: str) -> Path:
    project = tmp_path / "site"
    project.mkdir(exist_ok=True)
    path = project / "brandlint.yaml"
    path.write_text(textwrap.dedent(guide), encoding="utf-8")
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def _same(cached: Guide, fresh: Guide) -> None:
    assert cached.rules == fresh.rules
    assert cached.warnings == fresh.warnings
    assert cached.skipped == fresh.skipped
    assert [(type(r), r.spec) for r in cached.compiled] == [
        (type(r), r.spec) for r in fresh.compiled
    ]


GUIDE = """\
    name: Kestrel
    terms:
      - id: kestrel-pay
        use: Kestrel Pay
        instead_of: [kestrelpay, KPay]
      - id: utilize
        avoid: [utilize]
        suggest: use
        level: error
    """


def test_a_second_load_reads_the_entry_and_lints_alike(tmp_path: Path, cache_home: Path) -> None:
    path = _project(tmp_path, GUIDE)
    first = load_guide(path)
    assert len(_entries(cache_home)) == 1
    second = load_guide(path)
    _same(second, first)
    assert second.compiled[0] is not first.compiled[0]  # read back, not kept in memory
    copy = read_document(str(path.parent / "post.md"), b"We utilize kestrelpay.\n")
    before = [row(a) for a in Linter(first).lint(copy)]
    after = [row(a) for a in Linter(second).lint(copy)]
    assert before == [
        ("Kestrel.terms.utilize", 1, 4, 1, 11, "utilize", ("use",)),
        ("Kestrel.terms.kestrel-pay", 1, 12, 1, 22, "kestrelpay", ("Kestrel Pay",)),
    ]
    assert after == before


def test_a_changed_guide_is_loaded_again(tmp_path: Path) -> None:
    path = _project(tmp_path, GUIDE)
    load_guide(path)
    path.write_text(textwrap.dedent(GUIDE).replace("[utilize]", "[leverage]"), encoding="utf-8")
    assert load_guide(path).rules[1].options["avoid"] == ["leverage"]


def test_a_rule_file_added_to_an_extended_folder_is_noticed(tmp_path: Path) -> None:
    path = _project(tmp_path, "name: Kestrel\nextends: [styles]\n")
    styles = path.parent / "styles" / "Kestrel"
    styles.mkdir(parents=True)
    rule = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [synergy]\n"
    (styles / "Synergy.yml").write_text(rule, encoding="utf-8")
    assert [r.id for r in load_guide(path).rules] == ["Kestrel.Synergy"]
    (styles / "Hype.yml").write_text(rule.replace("synergy", "rockstar"), encoding="utf-8")
    assert [r.id for r in load_guide(path).rules] == ["Kestrel.Hype", "Kestrel.Synergy"]


def test_an_edited_buffer_is_never_cached(tmp_path: Path, cache_home: Path) -> None:
    path = _project(tmp_path, GUIDE)
    load_guide(path, text=textwrap.dedent(GUIDE))
    assert _entries(cache_home) == []


class _Payload:
    """What an attacker puts in an entry: unpickling it would create `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def test_an_entry_signed_with_another_key_is_ignored_never_unpickled(
    tmp_path: Path, cache_home: Path
) -> None:
    path = _project(tmp_path, GUIDE)
    fresh = load_guide(path)
    (entry,) = _entries(cache_home)
    marker = tmp_path / "pwned"
    body = (2).to_bytes(8, "big") + b"[]" + pickle.dumps(_Payload(marker))
    forged = hmac.new(b"k" * 32, body, hashlib.sha256).digest()
    entry.write_bytes(MAGIC + forged + body)
    guide = load_guide(path)
    assert not marker.exists()
    assert guide.rules == fresh.rules
    assert guide.warnings == (
        Problem(
            str(entry),
            1,
            1,
            "this compiled-guide cache entry was not written by brandlint (its signature "
            "does not match); it was ignored, never loaded, and is replaced now",
            severity="warning",
        ),
    )
    assert load_guide(path).warnings == ()  # replaced by a signed entry


def test_a_key_others_can_read_turns_the_cache_off_with_a_warning(
    tmp_path: Path, cache_home: Path
) -> None:
    path = _project(tmp_path, GUIDE)
    load_guide(path)
    (cache_home / KEY_FILE).chmod(0o644)
    guide = load_guide(path)
    assert guide.warnings == (
        Problem(
            str(cache_home / KEY_FILE),
            1,
            1,
            "the compiled-guide cache is not used: this key file is not yours alone (owner, "
            "permissions -rw-r--r--); delete it and brandlint creates a new one",
            severity="warning",
        ),
    )


def test_a_damaged_key_turns_the_cache_off_with_a_warning(tmp_path: Path, cache_home: Path) -> None:
    path = _project(tmp_path, GUIDE)
    load_guide(path)
    (cache_home / KEY_FILE).write_bytes(b"short")
    assert load_guide(path).warnings == (
        Problem(
            str(cache_home / KEY_FILE),
            1,
            1,
            "this key file of the compiled-guide cache is damaged; delete it",
            severity="warning",
        ),
    )


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)
TERMS = st.lists(
    st.tuples(
        st.lists(WORDS, min_size=1, max_size=2).map(" ".join),
        WORDS,
        st.sampled_from(["suggestion", "warning", "error"]),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda t: t[0],
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(terms=TERMS)
def test_round_trip_gives_the_rule_set_the_files_give(
    tmp_path: Path, terms: list[tuple[str, str, str]]
) -> None:
    lines = ["name: Bench", "extends: ['brandlint:default']", "terms:"]
    for avoid, suggest, level in terms:
        lines += [f"  - avoid: ['{avoid}']", f"    suggest: '{suggest}'", f"    level: {level}"]
    path = _project(tmp_path, "\n".join(lines) + "\n")
    fresh = loader._load(path)
    stored = load_guide(path)
    cached = load_guide(path)
    _same(stored, fresh)
    _same(cached, fresh)
