"""Vale's `metric`, `spelling` and `sequence` kinds, run from real rule files (the official
Readability style; Vale's own LanguageTool, Spelling and Checks test styles, copied under
tests/fixtures/vale_styles/ with their licence and source), and `script`, which brandlint
does not run. Where Vale's own test suite states the alerts for the same copy, the same
lines, columns and messages are expected here."""

from __future__ import annotations

import logging
import re
import textwrap
from pathlib import Path

import pytest
import spacy

from brandlint.checks.registry import KINDS, NOT_YET
from brandlint.checks.sequence import Sequence
from brandlint.core.alerts import Alert, Level
from brandlint.core.errors import GuideError
from brandlint.core.spec import RuleSpec
from brandlint.formula import Condition, Formula, FormulaError, format_value
from brandlint.guide.loader import load_guide
from brandlint.spelling import find_dictionary, search_folders
from brandlint.workspace import Settings, Workspace
from tests.conftest import FIXTURES

STYLES = FIXTURES / "vale_styles"
COPY = STYLES / "copy"  # copy Vale's own test suite lints


def rows(alerts: list[Alert], prefix: str = "") -> list[tuple[str, int, int, int, int, str]]:
    """rule, start line and column, end line and column, message."""
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_line, a.span.end_column, a.message)
        for a in alerts
        if a.rule.startswith(prefix)
    ]


def workspace(tmp_path: Path, *styles: str, extra: str = "") -> Workspace:
    """A guide extending style folders of tests/fixtures/vale_styles (read in place)."""
    extends = ", ".join(str(STYLES / style) for style in styles)
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(
        f"name: t\nallow_outside_project: true\nextends: [{extends}]\n{textwrap.dedent(extra)}",
        encoding="utf-8",
    )
    return Workspace(Settings(guide=str(guide)))


def lint(workspace: Workspace, tmp_path: Path, copy: str, name: str = "post.md") -> list[Alert]:
    return workspace.lint_text(textwrap.dedent(copy), str(tmp_path / name))


# -- metric -------------------------------------------------------------------------------

DENSE = """\
    ---
    title: Platform notes
    ---
    # Consolidated operational considerations

    Notwithstanding considerable organizational investment in heterogeneous distribution
    infrastructure, multinational retailers continuously underestimate the administrative
    complexity associated with synchronizing inventory visibility, promotional eligibility and
    fulfillment prioritization across geographically dispersed warehousing facilities,
    independently operated franchise locations and rapidly proliferating marketplace
    integrations. Consequently, implementation methodologies emphasizing comprehensive
    interoperability, contractual accountability and continuous performance measurement
    generally outperform fragmented initiatives characterized by departmental autonomy.
"""


def test_the_readability_style_loads_clean_and_every_rule_fires_on_dense_copy(tmp_path):
    guide_path = tmp_path / "brandlint.yaml"
    guide_path.write_text(
        f"name: t\nallow_outside_project: true\nextends: [{STYLES / 'Readability'}]\n",
        encoding="utf-8",
    )
    guide = load_guide(guide_path)
    assert guide.warnings == ()
    assert guide.skipped == ()
    assert [rule.id for rule in guide.compiled] == [
        "Readability.AutomatedReadability",
        "Readability.ColemanLiau",
        "Readability.FleschKincaid",
        "Readability.FleschReadingEase",
        "Readability.GunningFog",
        "Readability.LIX",
        "Readability.SMOG",
    ]
    alerts = lint(workspace(tmp_path, "Readability"), tmp_path, DENSE)
    # a document-wide finding is reported at line 1, column 1, as Vale reports it
    assert rows(alerts) == [
        (
            "Readability.AutomatedReadability",
            1,
            1,
            1,
            1,
            "Try to keep the Automated Readability Index (42.10) below 8.",
        ),
        (
            "Readability.ColemanLiau",
            1,
            1,
            1,
            1,
            "Try to keep the Coleman–Liau Index grade (44.09) below 19.",
        ),
        (
            "Readability.FleschKincaid",
            1,
            1,
            1,
            1,
            "Try to keep the Flesch–Kincaid grade level (40.92) below 8.",
        ),
        (
            "Readability.FleschReadingEase",
            1,
            1,
            1,
            1,
            "Try to keep the Flesch reading ease score (-145.73) above 70.",
        ),
        (
            "Readability.GunningFog",
            1,
            1,
            1,
            1,
            "Try to keep the Gunning-Fog index (43.66) below 10.",
        ),
        ("Readability.LIX", 1, 1, 1, 1, "Try to keep the LIX score (115.94) below 35."),
        ("Readability.SMOG", 1, 1, 1, 1, "Try to keep the SMOG grade (31.41) below 10."),
    ]
    assert {a.level for a in alerts} == {Level.WARNING}


def test_metric_counts_are_vales_words_sentences_and_long_words(tmp_path):
    """LIX and the Automated Readability Index use no syllables: recount them by hand."""
    alerts = lint(workspace(tmp_path, "Readability"), tmp_path, DENSE)
    body = textwrap.dedent(DENSE).split("\n\n", 1)[1]  # the heading and front matter are not prose
    words = re.findall(r"[A-Za-z']+", body)
    sentences = 2
    long_words = sum(len(w) > 6 for w in words)
    characters = sum(len(w) for w in words)
    lix = len(words) / sentences + long_words * 100 / len(words)
    ari = 4.71 * characters / len(words) + 0.5 * len(words) / sentences - 21.43
    messages = {a.rule: a.message for a in alerts}
    assert f"({lix:.2f})" in messages["Readability.LIX"]
    assert f"({ari:.2f})" in messages["Readability.AutomatedReadability"]


def test_vales_metric_checks_count_headings_and_lists(tmp_path):
    """Vale's test suite: `heading.h1 + list` is 1.00 on this copy, `heading.h6 > 1` stays
    quiet (an absent element counts 0)."""
    alerts = workspace(tmp_path, "Checks").lint_file(COPY / "metric.md")
    assert rows(alerts, "Checks.Metric") == [
        ("Checks.MetricValue", 1, 1, 1, 1, "This topic has 1.00 H2s in it."),
        ("Checks.MetricWords", 1, 1, 1, 1, "This topic has 14.40 words/sents."),
    ]


def test_element_counts_read_the_structure(lint_rule):
    lint_copy = lint_rule("""
        extends: metric
        message: "Counted %s."
        formula: pre + blockquote * 10 + list * 100 + heading.h2 * 1000 + paragraphs * 10000
        condition: "> 0"
    """)
    page = """\
        # Setup

        ## Install

        Run the installer.

        ```sh
        kestrel install
        ```

            kestrel start

        > Setup took me two minutes.

        - Connect the shop.
        - Import the stock.
        - Invite the team.
    """
    (alert,) = lint_copy(page)
    # 2 code blocks, 1 quote, 3 list items, 1 level-2 heading, 5 blocks of running text
    assert (alert.rule, alert.message) == ("Test.Rule", "Counted 51312.00.")


def test_copy_without_syllable_data_gets_a_note_never_english_figures(tmp_path):
    copy = """\
        ---
        lang: yo
        ---
        Ọpọlọpọ awọn ikanni ti awọn iṣowo lo lati de ọdọ awọn onibara wọn ni gbogbo igba.
    """
    alerts = lint(workspace(tmp_path, "Readability"), tmp_path, copy)
    no_syllables = (
        "and textstat has no syllable data for this language (no pyphen hyphenation dictionary)."
    )
    english_only = (
        "complex_words is English-only (it sets aside the English endings -es, -ed and -ing)."
    )
    assert rows(alerts) == [
        (
            "Readability.FleschKincaid",
            1,
            1,
            1,
            1,
            "Readability.FleschKincaid is not measured for 'yo' copy: its formula counts "
            f"syllables (syllables), {no_syllables}",
        ),
        (
            "Readability.FleschReadingEase",
            1,
            1,
            1,
            1,
            "Readability.FleschReadingEase is not measured for 'yo' copy: its formula counts "
            f"syllables (syllables), {no_syllables}",
        ),
        (
            "Readability.GunningFog",
            1,
            1,
            1,
            1,
            f"Readability.GunningFog is not measured for 'yo' copy: {english_only}",
        ),
        # LIX counts no syllables; Vale counts a word's length in bytes ('ọdọ' is long)
        ("Readability.LIX", 1, 1, 1, 1, "Try to keep the LIX score (41.00) below 35."),
        (
            "Readability.SMOG",
            1,
            1,
            1,
            1,
            "Readability.SMOG is not measured for 'yo' copy: its formula counts "
            f"syllables (polysyllabic_words), {no_syllables}",
        ),
    ]
    # the notes are suggestions; LIX, measured, keeps its rule's level
    assert [a.level for a in alerts if "not measured" in a.message] == [Level.SUGGESTION] * 4


def test_hungarian_syllables_come_from_its_hyphenation_dictionary(tmp_path):
    copy = """\
        ---
        lang: hu
        ---
        A Kestrel Cloud egy helyen mutatja a készletet, a rendeléseket és az árakat, így a
        kereskedelmi vállalkozások munkatársai mindenhol ugyanazokat az információkat látják.
    """
    alerts = lint(workspace(tmp_path, "Readability"), tmp_path, copy)
    assert [(a.rule, a.message) for a in alerts] == [
        (
            "Readability.AutomatedReadability",
            "Try to keep the Automated Readability Index (19.35) below 8.",
        ),
        ("Readability.ColemanLiau", "Try to keep the Coleman–Liau Index grade (19.47) below 19."),
        (
            "Readability.FleschKincaid",
            "Try to keep the Flesch–Kincaid grade level (22.11) below 8.",
        ),
        (
            "Readability.FleschReadingEase",
            "Try to keep the Flesch reading ease score (-22.49) above 70.",
        ),
        (
            "Readability.GunningFog",
            "Readability.GunningFog is not measured for 'hu' copy: complex_words is "
            "English-only (it sets aside the English endings -es, -ed and -ing).",
        ),
        # Vale counts a word's length in bytes: 'készletet' is long
        ("Readability.LIX", "Try to keep the LIX score (75.17) below 35."),
        ("Readability.SMOG", "Try to keep the SMOG grade (20.27) below 10."),
    ]


@pytest.mark.parametrize(
    ("key", "value", "column", "message"),
    [
        (
            "formula",
            "words / sentence",
            10,
            "Test.Rule: the formula 'words / sentence' cannot be computed: unknown variable "
            "'sentence' (variables: blockquote, characters, complex_words, heading_h1, "
            "heading_h2, heading_h3, heading_h4, heading_h5, heading_h6, list, long_words, "
            "paragraphs, polysyllabic_words, pre, sentences, syllables, words) (at character 9)",
        ),
        (
            "formula",
            "math.sqrt(words",
            10,
            "Test.Rule: the formula 'math.sqrt(words' cannot be computed: expected ')', found "
            "the end (at character 16)",
        ),
        (
            "condition",
            "'8'",
            12,
            "Test.Rule: the condition '8' cannot be computed: a condition starts with a "
            "comparison: >, <, >=, <=, == or != (e.g. '> 8') (at character 1)",
        ),
    ],
)
def test_a_formula_that_cannot_run_is_an_error_at_its_line(tmp_path, key, value, column, message):
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True)
    values = {"formula": "words / sentences", "condition": "'> 8'", key: value}
    (style / "Rule.yml").write_text(
        f"extends: metric\nmessage: x\nformula: {values['formula']}\n"
        f"condition: {values['condition']}\n",
        encoding="utf-8",
    )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(guide)
    (problem,) = caught.value.problems
    line = 3 if key == "formula" else 4
    assert (Path(problem.path).name, problem.line, problem.column) == ("Rule.yml", line, column)
    assert problem.message == message


def test_formulas_follow_tengo_arithmetic_without_eval():
    variables = {"words", "sentences", "heading_h1"}
    smog = Formula("1.0430 * math.sqrt((words * 30.0) / sentences) + 3.1291\n", variables)
    assert smog.names == {"words", "sentences"}
    assert round(float(smog.evaluate({"words": 5, "sentences": 10})), 4) == 7.1686
    assert Formula("1 / 2", variables).evaluate({}) == 0  # integers divide as integers
    assert Formula("-7 / 2", variables).evaluate({}) == -3  # toward zero, as Go does
    assert Formula("words / 2", variables).evaluate({"words": 3}) == 1.5  # variables are floats
    assert format_value(float(Formula("words / 0", variables).evaluate({"words": 3}))) == "+Inf"
    assert format_value(float(Formula("math.sqrt(-1)", variables).evaluate({}))) == "NaN"
    assert Formula("heading.h1 * -2", variables).evaluate({"heading_h1": 2}) == -4
    # the value is compared as Vale prints it, with six decimals
    assert not Condition("> 8", variables).holds(8.0000001, {})
    assert Condition("<= 70.0", variables).holds(70.0, {})
    for bad in ("__import__('os')", "words ** 2", "words; words", "[words]"):
        with pytest.raises(FormulaError):
            Formula(bad, variables)


# -- spelling -----------------------------------------------------------------------------


def test_en_us_is_installed_for_the_default():
    assert find_dictionary("en_US", search_folders()) is not None


BRAND_COPY = """\
    # Stock you can trust

    Our new dashbaord shows stock in real time, so you won't oversell. Don't miss the
    KestrelCloud beta, NASA-grade e-mail alerts, iPhone apps or #kestrelsale. Read the
    docs at https://kestrel.example/docs or write to hello@kestrel.example — we recieve
    every message, and it doesn’t cost a thing.
"""


def test_spelling_flags_words_at_their_place_and_suggests(lint_rule):
    lint_copy = lint_rule("""
        extends: spelling
        message: "Did you really mean '%s'?"
        level: error
        action:
          name: suggest
    """)
    alerts = lint_copy(BRAND_COPY)
    assert rows(alerts) == [
        ("Test.Rule", 3, 9, 3, 18, "Did you really mean 'dashbaord'?"),
        ("Test.Rule", 5, 77, 5, 84, "Did you really mean 'recieve'?"),
    ]
    assert [(a.match, a.replacements) for a in alerts] == [
        ("dashbaord", ("dashboard",)),
        ("recieve", ("receive", "relieve")),
    ]


def test_without_the_default_filters_compounds_and_capitals_are_checked(lint_rule):
    lint_copy = lint_rule("""
        extends: spelling
        message: "'%s'?"
        custom: true
        filters:
          - '[pP]y.*\\b'
    """)
    alerts = lint_copy("Pydantic and KestrelCloud send NASA-grade e-mail and recieve-only SMS.\n")
    # as in Vale, a hyphenated word is looked up whole (its Hunspell reader has no BREAK)
    assert rows(alerts) == [
        ("Test.Rule", 1, 14, 1, 26, "'KestrelCloud'?"),
        ("Test.Rule", 1, 32, 1, 42, "'NASA-grade'?"),
        ("Test.Rule", 1, 43, 1, 49, "'e-mail'?"),
        ("Test.Rule", 1, 54, 1, 66, "'recieve-only'?"),
        ("Test.Rule", 1, 67, 1, 70, "'SMS'?"),
    ]


def test_exact_brand_names_and_exceptions_are_accepted(tmp_path):
    style = tmp_path / "styles" / "Brand"
    style.mkdir(parents=True)
    (style / "Spelling.yml").write_text(
        "extends: spelling\nmessage: \"'%s'?\"\ncustom: true\nexceptions: [omnichannel]\n",
        encoding="utf-8",
    )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(
        "name: Kestrel\nextends: [styles]\nterms:\n  - use: Kestrelcloud\n    case: exact\n",
        encoding="utf-8",
    )
    alerts = Workspace(Settings(guide=str(guide))).lint_text(
        "Kestrelcloud makes Omnichannel retail simple for every shopp.\n",
        str(tmp_path / "post.md"),
    )
    assert rows(alerts, "Brand.") == [("Brand.Spelling", 1, 56, 1, 61, "'shopp'?")]


def test_vales_spelling_checks_word_lists_and_a_custom_dictionary(tmp_path):
    """Vale's test suite: the Ignores rule (word lists relative to the StylesPath, no default
    filters) flags only 'docbook' and 'TODO' in this page; the Test rule (a dictionary in
    `dicpath: medical`, UTF-8 with no SET line) flags 'Test' and accepts 'структур'."""
    ws = workspace(tmp_path, "Spelling")
    page = ws.lint_file(COPY / "spelling.html")
    assert rows(page, "Spelling.Ignores") == [
        ("Spelling.Ignores", 5, 21, 5, 28, "Did you really mean 'docbook'?"),
        ("Spelling.Ignores", 14, 96, 14, 100, "Did you really mean 'TODO'?"),
    ]
    words = ws.lint_file(COPY / "spelling.dic.md")  # "# Test", then a Russian word
    assert rows(words, "Spelling.Test") == [("Spelling.Test", 1, 3, 1, 7, "'Test' is a typo!")]
    assert [a.replacements for a in words if a.rule == "Spelling.Test"] == [()]


def test_a_missing_dictionary_is_a_warning_and_the_rule_is_not_loaded(tmp_path):
    style = tmp_path / "styles" / "Brand"
    style.mkdir(parents=True)
    (style / "Spelling.yml").write_text(
        "extends: spelling\nmessage: \"'%s'?\"\ndictionaries:\n  - en_US\n  - xx_YY\n",
        encoding="utf-8",
    )
    (style / "Words.yml").write_text(
        "extends: spelling\nmessage: \"'%s'?\"\nignore: Brand/words.txt\n", encoding="utf-8"
    )
    guide_path = tmp_path / "brandlint.yaml"
    guide_path.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    guide = load_guide(guide_path)
    assert [rule.id for rule in guide.compiled] == ["Brand.Words"]
    assert [rule_id for rule_id, _ in guide.skipped] == ["Brand.Spelling"]
    warnings = sorted((Path(w.path).name, w.line, w.column, w.message) for w in guide.warnings)
    assert [w[:3] for w in warnings] == [("Spelling.yml", 5, 5), ("Words.yml", 3, 9)]
    assert warnings[0][3].startswith("Brand.Spelling: Hunspell dictionary 'xx_YY' not found (")
    assert warnings[0][3].endswith(
        "install it (on Debian: a hunspell-* package) or set 'dicpath' to its folder; "
        "the rule is not loaded"
    )
    assert warnings[1][3] == (
        f"Brand.Words: the word list 'Brand/words.txt' was not found (looked for "
        f"{tmp_path / 'styles' / 'Brand/words.txt'}, {style / 'Brand/words.txt'}, "
        f"{tmp_path / 'styles' / 'config/ignore' / 'Brand/words.txt'}); its words are not "
        "accepted"
    )


def test_words_in_letters_the_dictionary_does_not_use_are_skipped(lint_rule):
    """Vale skips any word with a letter outside ASCII; here, one the dictionary does not
    write in, so Japanese in English copy is skipped and accented Hungarian is checked."""
    lint_copy = lint_rule("""
        extends: spelling
        message: "'%s'?"
    """)
    alerts = lint_copy("Open the オプション menu and pick a colr.\n")
    assert rows(alerts) == [("Test.Rule", 1, 32, 1, 36, "'colr'?")]


def test_a_style_dictionary_is_read_as_vale_reads_it(tmp_path, caplog):
    """A phonetic table in UTF-8 under `SET ISO8859-1` (as in Vale's own en_US.aff) does
    not stop the dictionary loading; a malformed affix rule is left out with a warning
    naming its file and line, and the rest of its dictionary is used."""
    styles = tmp_path / "styles"
    (styles / "dictionaries").mkdir(parents=True)
    (styles / "dictionaries" / "brand.aff").write_bytes(
        b"SET ISO8859-1\nTRY esianrtolcdugmphbyfvkwz\nSFX S Y 1\nSFX S 0 s .\n"
        b"PHONE 1\nPHONE \xc3\xa9< E\n"
    )
    (styles / "dictionaries" / "brand.dic").write_bytes(b"2\nkestrel/S\nstock\n")
    (styles / "dictionaries" / "broken.aff").write_bytes(b"SET UTF-8\nPFX A Y 1\nPFX A 0 re [\n")
    (styles / "dictionaries" / "broken.dic").write_bytes(b"1\nstock\n")
    (styles / "Brand").mkdir()
    for name in ("brand", "broken"):
        (styles / "Brand" / f"{name.title()}.yml").write_text(
            f"extends: spelling\nmessage: \"{name}: '%s'?\"\ndicpath: dictionaries\n"
            f"dictionaries: [{name}]\n",
            encoding="utf-8",
        )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="brandlint"):
        alerts = Workspace(Settings(guide=str(guide))).lint_text(
            "Kestrels stock stok.\n", str(tmp_path / "post.md")
        )
    broken = styles / "dictionaries" / "broken.aff"
    assert rows(alerts) == [
        ("Brand.Brand", 1, 16, 1, 20, "brand: 'stok'?"),
        ("Brand.Broken", 1, 16, 1, 20, "broken: 'stok'?"),  # `Kestrels`: not in its letters
    ]
    assert [r.getMessage() for r in caplog.records] == [
        f"{broken}:3: cannot read this PFX row (unterminated character set at position 1); "
        "this line is left out of the dictionary"
    ]


def test_other_languages_use_their_own_dictionary_or_say_they_were_not_checked(lint_rule):
    lint_copy = lint_rule("""
        extends: spelling
        message: "'%s'?"
    """)
    hungarian = lint_copy(
        "---\nlang: hu\n---\nA webáruház egy helyen mutatja a készlett és a rendeléseket.\n"
    )
    assert rows(hungarian) == [("Test.Rule", 4, 34, 4, 42, "'készlett'?")]
    yoruba = lint_copy("---\nlang: yo\n---\nỌpọlọpọ awọn ikanni ti awọn iṣowo lo.\n")
    assert rows(yoruba) == [
        (
            "Test.Rule",
            1,
            1,
            1,
            1,
            "Test.Rule did not check this 'yo' copy: no Hunspell dictionary for 'yo' is "
            "installed; install one, or name one in 'dictionaries'.",
        )
    ]
    assert yoruba[0].level == Level.SUGGESTION


# -- sequence -----------------------------------------------------------------------------


# Penn Treebank tags for a stand-in trained pipeline (none can be downloaded here), named
# under `pipelines:`
TAGS = {
    "would": "MD",
    "could": "MD",
    "be": "VB",
    "great": "JJ",
    "available": "JJ",
    "write": "VB",
    "come": "VB",
    "get": "VB",
    "greatest": "JJS",
    "best": "JJS",
    "basketball": "NN",
    "player": "NN",
    "seller": "NN",
    "philosophers": "NNS",
    "of": "IN",
    "all": "DT",
    "the": "DT",
    "times": "NNS",
    "metadata": "NN",
    "purpose": "NN",
    "is": "VBZ",
    "are": "VBP",
    "system": "NN",
    "using": "VBG",
    "endpoint": "NN",
    "'s": "POS",
}


@pytest.fixture
def tagged(tmp_path):
    """A workspace whose guide names a saved pipeline with a tagger under `pipelines:`."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("attribute_ruler")
    for word, tag in TAGS.items():
        ruler.add([[{"LOWER": word}]], {"TAG": tag})
    ruler.add([[{"LOWER": "our"}, {"LOWER": "meet"}]], {"TAG": "NN"}, index=1)
    ruler.add([[{"LOWER": "we"}, {"LOWER": "meet"}]], {"TAG": "VBP"}, index=1)
    (tmp_path / "models").mkdir()
    nlp.to_disk(tmp_path / "models" / "en-tagger")
    return workspace(tmp_path, "LanguageTool", extra="pipelines:\n  en: ./models/en-tagger\n")


OF_ALL_TIME = "In this context, the idiom needs to be spelled 'of all time'."
METADATA = "Use data and metadata as plural nouns."
# Vale's alerts on its own sequence test copy
VALE_SEQUENCE_ALERTS = [
    (
        "LanguageTool.WOULD_BE_JJ_VB",
        3,
        4,
        3,
        24,
        "The infinitive 'write' after 'be' requries 'to'. Did you mean 'be great *to* write'?",
    ),
    (
        "LanguageTool.WOULD_BE_JJ_VB",
        9,
        88,
        9,
        111,
        "The infinitive 'come' after 'be' requries 'to'. Did you mean 'be available *to* come'?",
    ),
    ("LanguageTool.OF_ALL_TIMES", 11, 32, 11, 71, OF_ALL_TIME),
    ("LanguageTool.OF_ALL_TIMES", 13, 5, 13, 29, OF_ALL_TIME),
    ("LanguageTool.OF_ALL_TIMES", 15, 24, 15, 48, OF_ALL_TIME),
    ("LanguageTool.OF_ALL_TIMES", 17, 42, 17, 76, OF_ALL_TIME),
    (
        "LanguageTool.APOS_ARE",
        21,
        5,
        21,
        19,
        'Did you mean "endpoints" instead of "endpoint\'s"?',
    ),
    ("LanguageTool.Metadata", 25, 1, 25, 33, METADATA),
    ("LanguageTool.Metadata", 29, 1, 29, 29, METADATA),
    (
        "LanguageTool.ARE_USING",
        31,
        17,
        31,
        29,
        "Use 'by using' instead of 'using' when it follows a noun for clarity and "
        "grammatical correctness.",
    ),
]


def test_vales_sequence_rules_give_vales_alerts(tagged):
    alerts = tagged.lint_file(COPY / "sequence.md")
    assert rows(alerts) == VALE_SEQUENCE_ALERTS
    assert [a.match for a in alerts if a.rule == "LanguageTool.OF_ALL_TIMES"] == [
        "greatest basketball player of all times",
        "best player of all times",
        "best seller of all times",
        "greatest philosophers of all times",
    ]


def test_with_no_pipeline_named_vales_own_tagger_gives_vales_alerts(tmp_path):
    alerts = workspace(tmp_path, "LanguageTool").lint_file(COPY / "sequence.md")
    assert rows(alerts) == VALE_SEQUENCE_ALERTS


def test_a_named_pipelines_tags_come_before_vales_tagger(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "great"}]], {"TAG": "NN"})  # Vale's tagger says JJ
    nlp.to_disk(tmp_path / "en-nouns")
    named = workspace(
        tmp_path, "LanguageTool", extra=f"pipelines:\n  en: {tmp_path / 'en-nouns'}\n"
    )
    assert rows(lint(named, tmp_path, "It would be great write a story.\n")) == []
    shipped = workspace(tmp_path, "LanguageTool")
    assert [a.match for a in lint(shipped, tmp_path, "It would be great write a story.\n")] == [
        "would be great write"
    ]


def test_the_tag_decides_between_a_noun_and_a_verb(tagged, tmp_path):
    alerts = lint(tagged, tmp_path, "Join our meet up in Oslo. We meet up every Friday.\n")
    assert rows(alerts) == [
        ("LanguageTool.HYPHEN", 1, 10, 1, 17, "Use 'meetup(s)' instead of 'meet up'")
    ]


def test_copy_in_a_language_without_a_tagger_gets_a_note_per_rule(tmp_path):
    german = workspace(tmp_path, "LanguageTool", extra="lang: de\n")
    alerts = lint(german, tmp_path, "Es wäre toll, zu schreiben.\n")
    assert {(a.rule, a.span.line, a.span.column, a.level) for a in alerts} == {
        (f"LanguageTool.{name}", 1, 1, Level.SUGGESTION)
        for name in (
            "APOS_ARE",
            "ARE_USING",
            "HYPHEN",
            "Metadata",
            "OF_ALL_TIMES",
            "WOULD_BE_JJ_VB",
        )
    }
    note = next(a for a in alerts if a.rule == "LanguageTool.WOULD_BE_JJ_VB")
    assert note.message == (
        "LanguageTool.WOULD_BE_JJ_VB did not check this copy: its tokens need part-of-speech "
        "tags from a trained spaCy pipeline for 'de' (the guide's `pipelines:`; brandlint "
        "ships a tagger for English only)."
    )


def sequence_rule(langs: tuple[str, ...], problems: list) -> Sequence:
    spec = RuleSpec(
        id="Grammatik.Metadaten",
        kind="sequence",
        level=Level.ERROR,
        message="x",
        options={"tokens": [{"tag": "NN", "pattern": "Daten"}, {"tag": "VVFIN", "skip": 4}]},
        langs=langs,
        strict=False,
    )
    return KINDS["sequence"](spec, problems)


def test_a_tagged_rule_for_a_language_without_a_tagger_is_not_loaded():
    problems: list = []
    rule = sequence_rule(("de",), problems)
    rule.guide_pipelines({})
    assert rule.skipped == (
        "Grammatik.Metadaten: part-of-speech tags need a trained spaCy pipeline for 'de', "
        "named under the guide's `pipelines:` (brandlint ships a tagger for English only); "
        "the rule is not loaded"
    )
    assert [p.severity for p in problems] == ["warning"]


@pytest.mark.parametrize(
    ("langs", "pipelines"),
    [
        ((), {}),
        (("en",), {}),
        (("en-US",), {}),
        (("en_GB",), {}),
        (("de",), {"de": "de_core_news_sm"}),
        (("de-AT",), {"de": "de_core_news_sm"}),
        (("~de",), {}),
    ],
)
def test_a_tagged_rule_loads_where_a_tagger_can_serve_it(langs, pipelines):
    problems: list = []
    rule = sequence_rule(langs, problems)
    rule.guide_pipelines(pipelines)
    assert (rule.skipped, problems) == (None, [])


def test_a_guides_tagged_rule_for_german_is_named_at_its_file_and_line(tmp_path):
    style = tmp_path / "styles" / "Grammatik"
    style.mkdir(parents=True)
    (style / "Metadaten.yml").write_text(
        "extends: sequence\nmessage: x\nlang: de\ntokens:\n  - pattern: Daten\n    tag: NN\n",
        encoding="utf-8",
    )
    guide_path = tmp_path / "brandlint.yaml"
    guide_path.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    guide = load_guide(guide_path)
    assert "Grammatik.Metadaten" not in [rule.id for rule in guide.compiled]
    (warning,) = [w for w in guide.warnings if "Metadaten" in w.message]
    assert (Path(warning.path).name, warning.line, warning.column) == ("Metadaten.yml", 4, 1)
    assert warning.message.startswith("Grammatik.Metadaten: part-of-speech tags need a trained")


def test_a_sequence_of_patterns_runs_without_tags(lint_rule):
    lint_copy = lint_rule("""
        extends: sequence
        message: "'%s … up': the verb is 'sign up'."
        ignorecase: true
        tokens:
          - pattern: sign
          - pattern: up
            skip: 1
    """)
    alerts = lint_copy("Sign up today, or sign right up tomorrow. Signs upset nobody.\n")
    assert rows(alerts) == [
        ("Test.Rule", 1, 1, 1, 8, "'Sign … up': the verb is 'sign up'."),
        ("Test.Rule", 1, 19, 1, 32, "'sign … up': the verb is 'sign up'."),
    ]


# -- script -------------------------------------------------------------------------------


def test_script_rules_are_named_at_their_file_and_line_and_not_loaded(tmp_path):
    guide_path = tmp_path / "brandlint.yaml"
    guide_path.write_text(
        f"name: t\nallow_outside_project: true\nextends: [{STYLES / 'Checks'}]\n",
        encoding="utf-8",
    )
    guide = load_guide(guide_path)
    assert "Checks.ScriptRE" not in [rule.id for rule in guide.compiled]
    (warning,) = [w for w in guide.warnings if "ScriptRE" in w.message]
    assert (Path(warning.path).name, warning.line, warning.column) == ("ScriptRE.yml", 2, 10)
    assert "script" in warning.message
    assert NOT_YET == {"script": "Tengo scripts are not run by brandlint"}


@pytest.mark.parametrize(
    ("langs", "loads"), [((), True), (("en-US",), True), (("de",), False), (("~de",), True)]
)
def test_warming_loads_vales_tagger_only_for_a_rule_that_can_tag_english(langs, loads, monkeypatch):
    import brandlint.checks.sequence as sequence

    loaded: list[bool] = []
    monkeypatch.setattr(sequence, "vale_tagger", lambda: loaded.append(True))
    rule = sequence_rule(langs, [])
    rule.guide_pipelines({"de": "de_core_news_sm"})
    rule.warm()
    assert loaded == ([True] if loads else [])
