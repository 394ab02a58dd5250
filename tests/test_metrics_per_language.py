"""Honest metrics per language: only formulas published for the language, None with a reason
for the rest, and one figure whether `brandlint stats` or the `readability` rule asks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from brandlint.cli.main import main
from brandlint.core.alerts import Level
from brandlint.readability import (
    FORMULAS,
    Flesch,
    measure,
    readability_reason,
    syllable_reason,
    syllables_per_word,
    unsupported_reason,
)
from brandlint.stats import VoiceMetrics
from brandlint.voice.formality import formality_reason
from brandlint.voice.passive import passive_reason
from brandlint.workspace import Settings, Workspace
from tests.conftest import FIXTURES
from tests.test_readability import flesch_kincaid

SEEDS = FIXTURES / "seeds"  # real published articles; see SOURCE.md there
ARTICLES = [
    ("yo-omnichannel-marketing.txt", "yo"),
    ("yo-omnichannel-retail.txt", "yo"),
    ("hu-omnichannel.txt", "hu"),
    ("az-omnichannel.txt", "az"),
    ("nb-omnichannel.txt", "nb"),
]
ENGLISH = (
    "You sell in store and online. We count every item once. You see the same number "
    "everywhere. Your team spends less time on lists."
)
NAMES = {"yo": "Yoruba", "hu": "Hungarian", "az": "Azerbaijani", "nb": "Norwegian Bokmål"}

# one target per rule: rules of one kind that flag the same place are merged into one alert
TARGETS = {"max_grade": 0, "min_ease": 1000, "max_lix": 0}


def workspace(tmp_path: Path, lang: str, target: str = "max_lix", level: str = "error"):
    guide = tmp_path / f"{target}.yaml"
    guide.write_text(
        "name: t\nrules:\n"
        f"  t.readability: {{extends: readability, level: {level}, per: document, "
        f"min_words: 0, {target}: {TARGETS[target]}}}\n",
        encoding="utf-8",
    )
    return Workspace(Settings(guide=str(guide), lang=lang))


def stats_of(tmp_path: Path, name: str, lang: str) -> VoiceMetrics:
    found = workspace(tmp_path, lang).measure_file(SEEDS / name)
    assert found is not None
    return found


# -- exact figures -------------------------------------------------------------------------


# Sentences counted by hand: one per terminal mark (. ! ?) that is not an abbreviation, an
# ordinal or a list number. yo-omnichannel-marketing: 55, as spaCy's sentencizer's 59 less
# the four list numbers "1." to "4." it read as sentences of their own. az-omnichannel: 129,
# as its 131 less two splits inside the subtitle "Omnichannel nədir? (+ Problemsiz …)": a
# parenthesis without a mark of its own stays with the question (lines 3 and 5).
@pytest.mark.parametrize(
    "name,lang,words,sentences,syllables",
    [
        ("yo-omnichannel-marketing.txt", "yo", 1012, 55, None),
        ("yo-omnichannel-retail.txt", "yo", 645, 32, None),
        ("hu-omnichannel.txt", "hu", 602, 29, 2.4),
        ("az-omnichannel.txt", "az", 1785, 129, None),
    ],
)
def test_no_validated_formula_is_none_with_a_reason(
    tmp_path, name, lang, words, sentences, syllables
):
    m = stats_of(tmp_path, name, lang)
    assert (m.lang, m.words, m.sentences) == (lang, words, sentences)
    assert (m.readability_metric, m.readability, m.grade, m.reading_ease, m.lix) == (None,) * 5
    assert m.reasons["readability"] == f"no validated readability formula for {NAMES[lang]}"
    assert m.syllables_per_word == syllables  # Hungarian has a hyphenation dictionary
    if syllables is None:
        assert m.reasons["syllables_per_word"] == (
            f"no syllable data for {NAMES[lang]} (pyphen has no hyphenation dictionary)"
        )
    # no passive-voice detector, no formality estimate, no English word lists: None, not 0.0
    assert (m.passive_share, m.formality, m.you_we_ratio, m.contractions_share) == (None,) * 4
    assert m.reasons["passive_share"] == f"no passive-voice detector for {NAMES[lang]}"
    assert m.reasons["formality"] == (
        f"no formality estimate for {NAMES[lang]} (English word classes only)"
    )


def test_norwegian_is_measured_with_lix(tmp_path):
    m = stats_of(tmp_path, "nb-omnichannel.txt", "nb")
    assert (m.words, m.sentences, m.readability_metric, m.readability, m.lix) == (
        894,
        47,
        "LIX",
        51.4,
        51.4,
    )
    assert (m.grade, m.reading_ease, m.syllables_per_word, m.passive_share) == (
        None,
        None,
        1.92,
        None,
    )
    assert "readability" not in m.reasons


def test_lix_from_first_principles():
    """7 words in 2 sentences, 4 of them over six letters: 7/2 + 100 × 4/7 = 60.6."""
    text = "Kunden handler i butikken. Omnikanalstrategien fungerer godt."
    scores = measure(text, "nb")
    assert (scores.words, scores.sentences, scores.lix) == (7, 2, 60.6)
    assert (scores.grade, scores.ease) == (None, None)
    assert [measure(text, lang).lix for lang in ("nn", "no", "sv", "da")] == [60.6] * 4


def test_a_short_english_text(tmp_path):
    scores = measure(ENGLISH, "en")
    assert (scores.words, scores.sentences, scores.grade, scores.ease, scores.lix) == (
        24,
        4,
        2.0,
        91.5,
        None,
    )
    assert scores.grade == flesch_kincaid(ENGLISH)
    assert scores.headline is not None and scores.headline[0].name == "Flesch–Kincaid grade"
    (tmp_path / "brandlint.yaml").write_text("name: t\n", encoding="utf-8")
    (tmp_path / "en.md").write_text(ENGLISH + "\n", encoding="utf-8")
    m = Workspace(Settings(guide=str(tmp_path / "brandlint.yaml"))).measure_file(tmp_path / "en.md")
    assert m is not None
    assert (m.readability_metric, m.readability, m.grade, m.reading_ease, m.lix) == (
        "Flesch–Kincaid grade",
        2.0,
        2.0,
        91.5,
        None,
    )
    assert (m.syllables_per_word, m.passive_share, m.formality is not None) == (1.29, 0.0, True)
    assert (m.you_we_ratio, m.contractions_share) == (3.0, None)  # You, You, Your; We
    assert m.reasons == {"contractions_share": "no contractions, contracted or spelled out"}


@pytest.mark.parametrize(
    "lang,name,base,per_sentence,per_syllable",
    [
        ("en", "Flesch reading ease", 206.835, 1.015, 84.6),
        ("de", "Flesch reading ease (Amstad)", 180, 1, 58.5),
        ("es", "Fernández-Huerta reading ease", 206.84, 1.02, 60),
        ("fr", "Flesch reading ease (Kandel–Moles)", 207, 1.015, 73.6),
        ("it", "Flesch–Vacca reading ease", 217, 1.3, 60),
        ("nl", "Flesch reading ease (Douma)", 206.835, 0.93, 77),
        ("ru", "Flesch reading ease (Oborneva)", 206.835, 1.3, 60.1),
    ],
)
def test_flesch_variants_use_the_published_constants(lang, name, base, per_sentence, per_syllable):
    """The constants of each language's published Flesch adaptation, which are textstat's."""
    from textstat.backend import metrics
    from textstat.backend.utils.constants import LANG_CONFIGS

    (formula,) = [f for f in FORMULAS[lang] if isinstance(f, Flesch)]
    assert (formula.name, formula.base, formula.per_sentence, formula.per_syllable) == (
        name,
        base,
        per_sentence,
        per_syllable,
    )
    assert LANG_CONFIGS[lang] | {"syllable_threshold": 0} == {
        "fre_base": base,
        "fre_sentence_length": per_sentence,
        "fre_syll_per_word": per_syllable,
        "syllable_threshold": 0,
    }
    text = "Der Hund läuft schnell über die Wiese. Die Katze schläft den ganzen Tag im Garten."
    code = "en_US" if lang == "en" else lang
    assert measure(text, lang).ease == round(metrics.flesch_reading_ease(text, code), 1)
    if lang != "en":
        assert measure(text, lang).grade is None  # the grade is an English formula


@pytest.mark.parametrize("lang", ["hu", "az", "yo", "pl", "pt", "fi", "tr"])
def test_languages_without_a_validated_formula(lang):
    """textstat has Flesch constants for Hungarian with no source, and only a syllable
    threshold for Polish: neither is used; English constants never are."""
    scores = measure("Egy kettő három négy öt hat hét. Nyolc kilenc tíz tizenegy.", lang)
    assert (scores.grade, scores.ease, scores.lix, scores.fog, scores.headline) == (None,) * 5
    assert scores.reason == readability_reason(lang)
    assert scores.reason.startswith("no validated readability formula for ")


def test_reasons_per_detector():
    assert readability_reason("hu") == "no validated readability formula for Hungarian"
    assert readability_reason("nb") == readability_reason("en-GB") == ""
    assert passive_reason("en") == formality_reason("en") == syllable_reason("en") == ""
    assert passive_reason("nb") == "no passive-voice detector for Norwegian Bokmål"
    # Ez (1) egy (1) mon-dat (2): hyphenation points + 1
    assert syllable_reason("hu") == "" and syllables_per_word("Ez egy mondat.", "hu") == 1.33
    assert syllables_per_word("Ọjà tuntun wa.", "yo") is None
    # the metric kind quotes this one after its colon
    assert unsupported_reason("yo").split(": ", 1)[1] == (
        "textstat has no syllable data for this language (no pyphen hyphenation dictionary)"
    )


# -- one figure: stats and the rule --------------------------------------------------------

FIGURE = re.compile(r"^(.+?) (-?\d+(?:\.\d+)?) in this document is (?:above|below) ")


def rule_figures(tmp_path: Path, path: Path, lang: str) -> dict[str, float]:
    """What the readability rule measured, by formula name, read from its messages (targets
    no copy can meet, so every measured formula speaks)."""
    found = {}
    for target in TARGETS:
        for alert in workspace(tmp_path, lang, target).lint_file(path):
            match = FIGURE.match(alert.message)
            if alert.rule == "t.readability" and match:
                found[match[1]] = float(match[2])
    return found


def stats_figures(m: VoiceMetrics) -> dict[str, float]:
    ease = m.readability_metric if m.grade is None else "Flesch reading ease"
    named = {"Flesch–Kincaid grade": m.grade, str(ease): m.reading_ease, "LIX": m.lix}
    return {name: value for name, value in named.items() if value is not None}


@pytest.mark.parametrize("name,lang", ARTICLES)
def test_stats_and_the_rule_give_the_same_figures(tmp_path, name, lang):
    m = stats_of(tmp_path, name, lang)
    assert rule_figures(tmp_path, SEEDS / name, lang) == stats_figures(m)
    if lang == "nb":
        assert stats_figures(m) == {"LIX": 51.4}


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", f"# Title\n\n{ENGLISH}\n\n## More\n\n- Fast\n- Simple and clear\n"),
        ("de", "# Titel\n\nDer Hund läuft schnell über die Wiese.\n\n- Die Katze schläft\n"),
        ("nb", "# Tittel\n\nKunden handler i butikken.\n\n- Omnikanalstrategien fungerer\n"),
    ],
)
def test_stats_and_the_rule_agree_on_markdown_with_lists(tmp_path, lang, text):
    """Headings left out, a list item without a full stop ends its sentence: both ways."""
    path = tmp_path / f"{lang}.md"
    path.write_text(text, encoding="utf-8")
    m = workspace(tmp_path, lang).measure_file(path)
    assert m is not None
    figures = stats_figures(m)
    assert figures and rule_figures(tmp_path, path, lang) == figures


def test_the_stats_command_shows_the_metric_used(tmp_path, capsys, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(
        "name: t\nrules:\n  t.r: {extends: readability, max_grade: 8, max_lix: 45}\n",
        encoding="utf-8",
    )
    for name, lang in ARTICLES[2:]:
        text = (SEEDS / name).read_text(encoding="utf-8")
        (tmp_path / f"{lang}.md").write_text(f"---\nlang: {lang}\n---\n{text}", encoding="utf-8")
    (tmp_path / "en.md").write_text(ENGLISH + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["stats", "--format", "json", "az.md", "en.md", "hu.md", "nb.md"]) == 0
    records = {r["lang"]: r for r in json.loads(capsys.readouterr().out)}
    assert (records["nb"]["readability_metric"], records["nb"]["readability"]) == ("LIX", 51.4)
    assert records["en"]["readability_metric"] == "Flesch–Kincaid grade"
    assert records["hu"]["readability"] is None
    assert records["hu"]["reasons"]["readability"] == (
        "no validated readability formula for Hungarian"
    )
    assert records["az"]["passive_share"] is None
    assert main(["stats", "az.md", "en.md", "hu.md", "nb.md"]) == 0
    text = capsys.readouterr().out
    assert "  LIX 51.4 (target ≤ 45)\n" in text
    assert "  Flesch–Kincaid grade 2.0 (target ≤ 8), Flesch reading ease 91.5\n" in text
    assert "  readability n/a (no validated readability formula for Hungarian)\n" in text
    assert "  n/a passive: no passive-voice detector for Azerbaijani\n" in text
    assert "passive 0% of sentences" in text  # English: measured, and none found


# -- the rule's notes ----------------------------------------------------------------------


@pytest.mark.parametrize("name,lang", [n for n in ARTICLES if n[1] != "nb"])
def test_not_measured_is_a_suggestion_whatever_the_rules_level(tmp_path, name, lang):
    for target in TARGETS:
        alerts = workspace(tmp_path, lang, target, level="error").lint_file(SEEDS / name)
        (note,) = [a for a in alerts if a.rule == "t.readability"]
        assert note.level == Level.SUGGESTION
        assert note.message == (
            f"Readability is not measured: no validated readability formula for {NAMES[lang]}."
        )


def test_a_target_the_language_has_no_formula_for_says_which_it_has(tmp_path):
    alerts = workspace(tmp_path, "nb", "max_grade").lint_file(SEEDS / "nb-omnichannel.txt")
    (note,) = [a for a in alerts if a.rule == "t.readability"]
    assert (note.level, note.message) == (
        Level.SUGGESTION,
        "Readability is not measured: the Flesch–Kincaid grade is not validated for "
        "Norwegian Bokmål; Norwegian Bokmål copy is measured with LIX (set max_lix).",
    )
    (note,) = workspace(tmp_path, "en", "max_lix").lint_text(ENGLISH, str(tmp_path / "e.md"))
    assert (note.level, note.message) == (
        Level.SUGGESTION,
        "Readability is not measured: LIX is not validated for English; English copy is "
        "measured with Flesch–Kincaid grade (set max_grade) or Flesch reading ease (set "
        "min_ease).",
    )


def test_vale_metrics_on_other_languages_say_they_are_english(lint_rule):
    lint = lint_rule("""
        extends: readability
        message: x
        level: error
        metrics: [Flesch-Kincaid, Gunning-Fog]
        grade: 10
    """)
    text = (SEEDS / "nb-omnichannel.txt").read_text(encoding="utf-8")
    (note,) = lint(f"---\nlang: nb\n---\n{text}")
    assert (note.level, note.message) == (
        Level.SUGGESTION,
        "Readability is not measured: Flesch-Kincaid and Gunning-Fog are not validated for "
        "Norwegian Bokmål; Norwegian Bokmål copy is measured with LIX (set max_lix).",
    )


def test_a_not_measured_note_passes_fail_level_warning(tmp_path, monkeypatch, capsys):
    (tmp_path / "brandlint.yaml").write_text(
        "name: t\nlang: hu\nrules:\n  t.r: {extends: readability, level: error, max_grade: 8}\n",
        encoding="utf-8",
    )
    (tmp_path / "hu.txt").write_text(
        (SEEDS / "hu-omnichannel.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fail-level", "warning", "hu.txt"]) == 0
    assert "suggestion t.r Readability is not measured" in capsys.readouterr().out


def test_lix_targets_per_channel(tmp_path):
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(
        "name: t\nlang: nb\nchannels: {'web/**': web}\nrules:\n"
        "  t.r: {extends: readability, max_lix: 60, per_channel: {web: {max_lix: 50}}}\n",
        encoding="utf-8",
    )
    text = (SEEDS / "nb-omnichannel.txt").read_text(encoding="utf-8")
    lint = Workspace(Settings(guide=str(guide))).lint_text
    assert [a for a in lint(text, str(tmp_path / "help" / "a.txt")) if a.rule == "t.r"] == []
    (alert,) = [a for a in lint(text, str(tmp_path / "web" / "a.txt")) if a.rule == "t.r"]
    assert alert.level == Level.WARNING
    assert alert.message == (
        "LIX 51.4 in this document is above the target of 50 for web copy; use shorter "
        "sentences and fewer long words."
    )
