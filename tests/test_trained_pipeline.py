"""A trained pipeline named under `pipelines:` replaces the heuristics of the blank one.

No trained spaCy pipeline can be downloaded here, so the tests save a small one of their own
with `nlp.to_disk`: a sentencizer, an attribute ruler that tags parts of speech, and a
stand-in parser that labels `auxpass` the way a real parser does — "was delivered" is
passive, "was excited" (an adjective) is not. What is tested is brandlint's use of the
labels, not the model.
"""

from __future__ import annotations

import textwrap

import pytest
import spacy
from spacy.language import Language

from brandlint.workspace import Settings, Workspace
from tests.conftest import row

PARTICIPLES = {"delivered", "shipped"}


@Language.component("brandlint_test_parser")
def stand_in_parser(doc):  # type: ignore[no-untyped-def]
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.lower_ in ("was", "were") and following.lower_ in PARTICIPLES:
            token.head = following
            token.dep_ = "auxpass"
    return doc


GUIDE = """\
name: t
pipelines:
  en: {pipeline}
terms:
  - avoid: [leverage]
    suggest: use
rules:
  t.passive: {{extends: passive, level: warning}}
  t.meetup:
    extends: sequence
    message: "Use 'meetup' for the noun."
    tokens: [{{tag: NN, pattern: meet}}, {{pattern: up}}]
"""
COPY = "Your order was delivered today. The team was excited. Leveraging it.\n"


@pytest.fixture
def lint(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("attribute_ruler")
    for word, pos in {"orders": "NOUN", "ship": "VERB", "today": "ADV"}.items():
        ruler.add([[{"LOWER": word}]], {"POS": pos})
    nlp.add_pipe("brandlint_test_parser")
    (tmp_path / "models").mkdir()
    nlp.to_disk(tmp_path / "models" / "en-retail")

    def run(pipeline: str, copy: str = COPY):
        guide = tmp_path / "brandlint.yaml"
        guide.write_text(textwrap.dedent(GUIDE.format(pipeline=pipeline)), encoding="utf-8")
        workspace = Workspace(Settings(guide=str(guide)))
        return workspace, workspace.lint_text(copy, str(tmp_path / "post.md"))

    return run


def test_the_parser_decides_passive_voice(lint):
    _, alerts = lint("./models/en-retail")
    assert [row(a) for a in alerts if a.rule == "t.passive"] == [
        ("t.passive", 1, 12, 1, 25, "was delivered", ()),
    ]


def test_the_blank_pipeline_guesses_from_word_shapes(lint):
    _, alerts = lint("no_such_pipeline")
    assert [row(a) for a in alerts if a.rule == "t.passive"] == [
        ("t.passive", 1, 12, 1, 25, "was delivered", ()),
        ("t.passive", 1, 42, 1, 53, "was excited", ()),
    ]
    (notice,) = [a for a in alerts if a.rule == "brandlint.language"]
    assert notice.message == (
        "Trained pipeline 'no_such_pipeline' is not installed; using the blank en pipeline."
    )


def test_a_pipeline_without_a_lemmatizer_still_matches_inflections(lint):
    _, alerts = lint("./models/en-retail")
    assert [row(a) for a in alerts if a.rule == "t.terms.leverage"] == [
        ("t.terms.leverage", 1, 55, 1, 65, "Leveraging", ("Using",)),
    ]
    assert not [a for a in alerts if a.rule == "brandlint.language"]


def test_formality_comes_from_the_part_of_speech_tags(lint, tmp_path):
    workspace, _ = lint("./models/en-retail", "Orders ship today.\n")
    path = tmp_path / "post.md"
    path.write_text("Orders ship today.\n", encoding="utf-8")
    metrics = workspace.measure_file(path)
    assert metrics is not None
    # a noun, a verb and an adverb: (33.3 − 33.3 − 33.3 + 100) / 2
    assert metrics.formality == 33.3


def test_a_pipeline_without_a_tagger_gets_its_tags_from_the_vale_tagger(lint):
    _, alerts = lint("./models/en-retail", "Join our meet up in Oslo. We meet up on Fridays.\n")
    assert [row(a) for a in alerts if a.rule == "t.meetup"] == [
        ("t.meetup", 1, 10, 1, 17, "meet up", ()),
    ]


def test_a_broken_pipeline_folder_is_reported_and_the_blank_one_used(lint, tmp_path):
    broken = tmp_path / "models" / "broken"
    broken.mkdir()
    (broken / "config.cfg").write_text('[nlp]\nlang = en\npipeline = ["nonexistent"]\n')
    _, alerts = lint("./models/broken")
    (notice,) = [a for a in alerts if a.rule == "brandlint.language"]
    assert notice.message.startswith(f"Trained pipeline '{broken}' could not be loaded (")
    assert notice.message.endswith("; using the blank en pipeline.")
    assert [a.match for a in alerts if a.rule == "t.passive"] == ["was delivered", "was excited"]
