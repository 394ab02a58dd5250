"""Readability counted once per word and per paragraph: the same figures as textstat's own
functions, to the last bit, on generated text and on real copy in six languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.readability import (
    FLESCH,
    FORMULAS,
    LIX,
    Flesch,
    TextstatCounts,
    _figures,
    _textstat_code,
    measure,
    textstat_backend,
    textstat_words,
)
from brandlint.readability import paragraphs as split_paragraphs

TESTS = Path(__file__).parent
REAL_COPY = TESTS / "data" / "real_copy"
SEEDS = TESTS / "fixtures" / "seeds"  # real published articles; see SOURCE.md there

# the tokens textstat's steps treat differently: contractions (kept apostrophes), other
# apostrophes, capitals that lowercase to two characters, letters outside ASCII, digits and
# underscores (word characters), hyphens, and white space that is not a plain space
# fmt: off
WORDS = [
    "We", "count", "every", "item", "once", "readability", "Administrators", "kestrelcloud",
    "don't", "it's", "IT'S", "they've", "we'll", "you're", "O'Neil", "rock'n'roll", "'s",
    "''t", "'ve", "dogs'", "naïve", "İstanbul", "Straße", "ﬁnance", "über", "Ọpọlọpọ", "ǅemal",
    "co-operate", "e.g.", "3.5", "_id", "x2", "Kestrel", "Cloud", "organizational",
]
# fmt: on
MARKS = [".", "!", "?", "...", "?!", "'", "’", '"', ",", ";", "-", "—", "(", ")", "#", "*"]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\x1c"]

pieces = st.sampled_from(WORDS + MARKS + SPACES)
copy = st.lists(pieces, max_size=60).map("".join) | st.text(max_size=80)
# paragraphs as `sections` joins them: stripped, ending with a sentence's closing mark
paragraph = st.tuples(copy, st.sampled_from(".!?")).map(lambda p: p[0].strip() + p[1])
paragraphs = st.lists(paragraph, min_size=1, max_size=6).map("\n".join)

CODES = ["en_US", "de", "hu", "nb", None]  # None: no syllables asked for
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def textstat_counts(text: str, code: str | None) -> tuple[int, ...]:
    """What textstat's own functions count in `text`, field by field as `Counts` holds it,
    with `count_sentences` last."""
    counts = textstat_backend().counts
    syllables = polysyllables = difficult = 0
    if code is not None:
        syllables = counts.count_syllables(text, code)
        polysyllables = counts.count_polysyllable_words(text, code)
        if code == "en_US":
            difficult = counts.count_difficult_words(text, code, 3)
    return (
        counts.count_words(text),
        syllables,
        polysyllables,
        difficult,
        counts.count_long_words(text),
        counts.count_letters(text),
        counts.count_chars(text, ignore_spaces=True),
        counts.count_words(text, rm_punctuation=False),
        counts.count_sentences(text),
    )


def fast_counts(counter: TextstatCounts, text: str, code: str | None) -> tuple[int, ...]:
    found = counter.count(text, code)
    return (
        found.words,
        found.syllables,
        found.polysyllables,
        found.difficult,
        found.long_words,
        found.letters,
        found.chars,
        found.tokens,
        found.sentences(text),
    )


def textstat_figures(text: str, lang: str) -> dict[str, float]:
    """The unrounded figures as brandlint took them from textstat's metric functions."""
    metrics = textstat_backend().metrics
    code = _textstat_code(lang)
    found: dict[str, float] = {}
    for formula in FORMULAS[lang]:
        if formula is LIX:
            found["lix"] = metrics.lix(text)
        elif isinstance(formula, Flesch):
            found["ease"] = (
                formula.base
                - formula.per_sentence * metrics.words_per_sentence(text)
                - formula.per_syllable * metrics.syllables_per_word(text, code)
            )
        else:
            found["grade"] = metrics.flesch_kincaid_grade(text, code)
    if lang == "en":
        found["fog"] = metrics.gunning_fog(text, code)
        found["smog"] = metrics.smog_index(text, code)
        found["coleman_liau"] = metrics.coleman_liau_index(text)
        found["ari"] = metrics.automated_readability_index(text)
    return found


def fast_figures(text: str, lang: str) -> dict[str, float]:
    code = _textstat_code(lang) if lang != "nb" else None
    counts = TextstatCounts().count(text, code)
    return _figures(counts, counts.sentences(text), lang, FORMULAS[lang])


@PROPERTY
@given(text=copy, code=st.sampled_from(CODES))
def test_counts_are_textstats_on_generated_text(text, code):
    assert fast_counts(TextstatCounts(), text, code) == textstat_counts(text, code)


@PROPERTY
@given(text=paragraphs, code=st.sampled_from(CODES))
def test_paragraph_counts_add_up_to_the_pages(text, code):
    """Blocks joined as `document_text` joins them: each paragraph counted alone, the
    sentence count floored once for the page, equal textstat's count of the whole."""
    assert fast_counts(TextstatCounts(), text, code) == textstat_counts(text, code)


@PROPERTY
@given(texts=st.lists(paragraphs | copy, min_size=1, max_size=4), code=st.sampled_from(CODES))
def test_counts_stay_exact_when_the_memories_overflow(texts, code):
    """Memories small enough to be cleared several times a text."""
    counter = TextstatCounts(max_words=3, max_paragraph_chars=80)
    for text in texts + texts:
        assert fast_counts(counter, text, code) == textstat_counts(text, code)


@PROPERTY
@given(text=copy | paragraphs)
def test_paragraphs_split_after_closing_marks_as_the_regex_does(text):
    assert list(split_paragraphs(text)) == re.split(r"(?<=[.!?])\n", text)


@PROPERTY
@given(text=copy)
def test_words_are_textstats_list_words(text):
    assert textstat_words(text) == textstat_backend().selections.list_words(text)


@PROPERTY
@given(text=copy | paragraphs, lang=st.sampled_from(["en", "de", "fr", "nb"]))
def test_figures_are_textstats_to_the_last_bit(text, lang):
    if not textstat_backend().counts.count_words(text):
        return  # `measure` gives a reason instead of figures (tested below)
    assert fast_figures(text, lang) == textstat_figures(text, lang)


def real_pages() -> list[tuple[str, str]]:
    """(name, text) of every page of real copy, with the language it is written in."""
    found = []
    for page in sorted(REAL_COPY.rglob("*")):
        if page.suffix not in (".md", ".mdx", ".html"):
            continue
        if page.name in ("SOURCE.md", "NOTICE.md", "LICENSE-DOCS.md"):
            continue
        found.append((str(page.relative_to(REAL_COPY)), page.read_text(encoding="utf-8")))
    return found


def real_language(name: str) -> str:
    parts = Path(name).parts
    return parts[2] if parts[:2] == ("opensource.guide", "_articles") and len(parts) > 3 else "en"


REAL = real_pages()
SEED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_the_real_copy_covers_three_languages():
    assert len(REAL) > 200
    assert {real_language(name) for name, _ in REAL} == {"en", "de", "hu"}
    assert sorted(name[:2] for name in SEED_TEXTS) == ["az", "hu", "nb", "yo", "yo"]


def test_counts_are_textstats_on_real_copy():
    """Each page and article with the syllables of its own language, and with none."""
    counter = TextstatCounts()
    pages = [(name, text, real_language(name)) for name, text in REAL]
    pages += [(name, text, name[:2]) for name, text in SEED_TEXTS.items()]
    wrong = [
        (name, code)
        for name, text, lang in pages
        for code in (SYLLABLES_IN.get(lang), None)
        if fast_counts(counter, text, code) != textstat_counts(text, code)
    ]
    assert wrong == []


# the syllables textstat counts for the languages of the real copy (none for Azerbaijani
# or Yoruba: pyphen has no dictionary for them)
SYLLABLES_IN = {"en": "en_US", "de": "de", "hu": "hu", "nb": "nb"}


def test_figures_are_textstats_on_real_copy():
    """English and German pages get textstat's figures; Hungarian ones textstat's counts
    and the reason they get no figure."""
    counts = textstat_backend().counts
    wrong = []
    for name, text in REAL:
        lang = real_language(name)
        if lang == "hu":
            scores = measure(text, lang)
            found = (scores.words, scores.sentences, scores.reason)
            expected = (counts.count_words(text), counts.count_sentences(text), HUNGARIAN)
        else:
            found, expected = fast_figures(text, lang), textstat_figures(text, lang)
        if found != expected:
            wrong.append(name)
    assert wrong == []


HUNGARIAN = "no validated readability formula for Hungarian"


@pytest.mark.parametrize("name", sorted(SEED_TEXTS))
def test_seed_articles_measure_as_textstat_counts_them(name):
    """Norwegian gets LIX from textstat's counts; Hungarian, Azerbaijani and Yoruba get no
    figure and their reason, with textstat's word and sentence counts."""
    text = SEED_TEXTS[name]
    lang = name[:2]
    counts = textstat_backend().counts
    scores = measure(text, lang)
    assert (scores.words, scores.sentences) == (
        counts.count_words(text),
        counts.count_sentences(text),
    )
    if lang == "nb":
        assert scores.lix == round(textstat_backend().metrics.lix(text), 1)
        assert scores.reason == ""
    else:
        language = {"hu": "Hungarian", "az": "Azerbaijani", "yo": "Yoruba"}[lang]
        assert scores.headline is None
        assert scores.reason == f"no validated readability formula for {language}"


def test_an_edit_recounts_only_the_paragraph_it_changed(monkeypatch):
    """The editor measures the whole page after every edit; the other paragraphs' counts
    are remembered by their text."""
    counter = TextstatCounts()
    counted: list[str] = []
    count = counter._count
    monkeypatch.setattr(
        counter, "_count", lambda text, code: counted.append(text) or count(text, code)
    )
    page = [
        "Kestrel Cloud shows stock, orders and prices in one place.",
        "Stores and the web shop see the same number.",
        "You can start today.",
    ]
    before = counter.count("\n".join(page), "en_US")
    assert counted == page
    counted.clear()
    page[1] = "Stores and the web shop always see the same number."
    after = counter.count("\n".join(page), "en_US")
    assert counted == [page[1]]
    assert (before.words, after.words) == (23, 24)
    assert fast_counts(counter, "\n".join(page), "en_US") == textstat_counts(
        "\n".join(page), "en_US"
    )


def test_a_paragraph_without_closing_punctuation_runs_into_the_next():
    """No closing mark before the line break: one sentence across both lines, as textstat
    reads it, so the two lines are counted together."""
    counter = TextstatCounts()
    text = "Set up in minutes\nand start selling today."
    assert counter.count(text, None).sentences(text) == 1
    assert textstat_backend().counts.count_sentences(text) == 1


def test_textstat_is_only_handed_single_words(monkeypatch):
    """textstat caches 128 results per function, keyed by its argument: handed whole
    documents, it kept them (and word lists made from them) for the life of the process."""
    backend = textstat_backend()
    asked: list[str] = []
    for module, name in (
        (backend.counts, "count_syllables"),
        (backend.validations, "is_difficult_word"),
    ):
        real = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda word, *rest, real=real: asked.append(word) or real(word, *rest)
        )
    monkeypatch.setattr("brandlint.readability.TEXTSTAT_COUNTS", TextstatCounts())
    text = "Reconciliation across jurisdictions depends on consistent details. " * 50
    assert measure(text, "en").grade == round(textstat_figures(text, "en")["grade"], 1)
    assert measure(text, "de").ease == round(textstat_figures(text, "de")["ease"], 1)
    assert sorted(set(asked)) == sorted(set(textstat_words(text)))
    assert len(asked) == 3 * 7  # each word once in German, twice (syllables, difficulty) in English


def test_the_english_headline_comes_from_one_count(monkeypatch):
    """Every English figure from one counting of the text, not one per formula."""
    counter = TextstatCounts()
    calls: list[str] = []
    count = counter.count
    monkeypatch.setattr(
        counter, "count", lambda text, code: calls.append(text) or count(text, code)
    )
    monkeypatch.setattr("brandlint.readability.TEXTSTAT_COUNTS", counter)
    text = "You sell in store and online. We count every item once."
    scores = measure(text, "en")
    assert calls == [text]
    assert scores.value(FLESCH) is not None and None not in (scores.fog, scores.smog, scores.ari)


PAGE_GUIDE = """
name: t
rules:
  t.grade:
    extends: readability
    max_grade: 6
    per: both
    min_words: 0
"""
OPENING = (
    "Kestrel Cloud shows stock, orders and prices in one place. Stores and the web shop "
    "see the same number."
)
SETUP = "Connect your till. Reconciliation across jurisdictions depends on consistent details."
ITEM = "Import your catalogue"


def test_relinting_an_edited_page_recounts_only_the_edited_paragraph(lint_with, monkeypatch):
    """Sections and the whole page are measured from the same paragraphs (blocks), each
    counted once while its text stays as it was: the editor's re-lint after an edit."""
    counter = TextstatCounts()
    counted: list[str] = []
    count = counter._count
    monkeypatch.setattr(
        counter, "_count", lambda text, code: counted.append(text) or count(text, code)
    )
    monkeypatch.setattr("brandlint.readability.TEXTSTAT_COUNTS", counter)
    lint = lint_with(PAGE_GUIDE)
    page = f"# Stock\n\n{OPENING}\n\n## Setup\n\n{SETUP}\n\n- {ITEM}\n"
    first = lint(page)
    assert counted == [OPENING, SETUP, ITEM + "."]  # a list item ends its sentence
    counted.clear()
    edited = SETUP.replace("Connect", "First connect")
    second = lint(page.replace(SETUP, edited))
    assert counted == [edited]
    setup = f"{SETUP}\n{ITEM}."
    page_text = f"{OPENING}\n{setup}"
    grades = [round(textstat_figures(text, "en")["grade"], 1) for text in (page_text, setup)]
    assert grades == [6.1, 13.3]
    assert [(a.rule, a.span.line, a.span.column, a.match, a.message) for a in first] == [
        ("t.grade", 1, 3, "Stock", f"{GRADE} 6.1 in this document {ABOVE}"),
        ("t.grade", 5, 4, "Setup", f"{GRADE} 13.3 in section 'Setup' {ABOVE}"),
    ]
    setup = f"{edited}\n{ITEM}."
    assert round(textstat_figures(f"{OPENING}\n{setup}", "en")["grade"], 1) == 5.9
    assert round(textstat_figures(setup, "en")["grade"], 1) == 12.4
    assert [(a.rule, a.span.line, a.span.column, a.match, a.message) for a in second] == [
        ("t.grade", 5, 4, "Setup", f"{GRADE} 12.4 in section 'Setup' {ABOVE}"),
    ]


GRADE = "Flesch–Kincaid grade"
ABOVE = "is above the target of 6; use shorter sentences and simpler words."
