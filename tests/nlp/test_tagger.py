"""The English tagger shipped in the wheel: it tags the tokens brandlint's own pipeline
makes, loads only when a rule needs tags, and exists for English only."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.nlp.perceptron import vale_tagger
from brandlint.nlp.pipelines import LangPipeline, Pipelines
from brandlint.nlp.tagger import DATA, ShippedTagger, shipped_tagger, tagger_folder
from brandlint.workspace import Settings, Workspace

EWT_COMMIT = "15d613d8447b3478787d4c278730a1e48a945efb"


@pytest.fixture(scope="module")
def english() -> LangPipeline:
    return Pipelines().get("en")


@pytest.fixture(scope="module")
def tagger() -> ShippedTagger:
    found = shipped_tagger("en")
    assert found is not None
    return found


def tags(english: LangPipeline, tagger: ShippedTagger, text: str) -> list[tuple[str, str, str]]:
    (doc,) = english.process([text])
    tagger.tag([doc])
    return [(t.text, t.tag_, t.pos_) for t in doc]


def test_the_tag_tells_a_noun_from_a_verb(english, tagger):
    assert tags(english, tagger, "Join our meet up in Oslo. We meet up every Friday.") == [
        ("Join", "VB", "VERB"),
        ("our", "PRP$", "PRON"),
        ("meet", "NN", "NOUN"),
        ("up", "RP", "ADP"),
        ("in", "IN", "ADP"),
        ("Oslo", "NNP", "PROPN"),
        (".", ".", "PUNCT"),
        ("We", "PRP", "PRON"),
        ("meet", "VBP", "VERB"),
        ("up", "RP", "ADP"),
        ("every", "DT", "DET"),
        ("Friday", "NNP", "PROPN"),
        (".", ".", "PUNCT"),
    ]


def test_an_auxiliary_and_a_main_verb_share_a_tag_but_not_a_pos(english, tagger):
    assert tags(english, tagger, "They are here and we meet them.") == [
        ("They", "PRP", "PRON"),
        ("are", "VBP", "AUX"),
        ("here", "RB", "ADV"),
        ("and", "CC", "CCONJ"),
        ("we", "PRP", "PRON"),
        ("meet", "VBP", "VERB"),
        ("them", "PRP", "PRON"),
        (".", ".", "PUNCT"),
    ]


def test_a_doc_already_tagged_keeps_its_tags(english, tagger):
    (doc,) = english.process(["Orders ship today."])
    doc.vocab.strings.add("FW")
    doc[1].tag_ = "FW"  # as a trained pipeline named in the guide would have tagged it
    tagger.tag([doc])
    assert [t.tag_ for t in doc] == ["", "FW", "", ""]


PIECES = [*"abcXYZ019 -'.,!?\n\u00e9\u2019", "meet", "up", "the", "is", "don't", "e-mail", "U.S."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_every_token_gets_a_known_tag_and_the_tokens_stay_as_they_were(
    english: LangPipeline, tagger: ShippedTagger, text: str
) -> None:
    (doc,) = english.process([text])
    before = [(t.idx, t.text) for t in doc]
    tagger.tag([doc])
    assert [(t.idx, t.text) for t in doc] == before
    assert all(t.tag_ in tagger.labels and t.pos_ for t in doc)


def test_only_english_has_a_shipped_tagger():
    assert tagger_folder("en") == DATA / "tagger-en"
    assert tagger_folder("de") is None
    assert shipped_tagger("de") is None


def test_the_notice_names_the_treebank_its_commit_and_the_licence():
    notice = (DATA / "tagger-en" / "NOTICE").read_text(encoding="utf-8")
    assert "UD_English-EWT" in notice
    assert f"commit {EWT_COMMIT}" in notice
    assert "Creative Commons Attribution-ShareAlike 4.0 International" in notice


def test_taggers_load_only_when_a_rule_needs_tags(tmp_path: Path) -> None:
    styles = tmp_path / "styles" / "Test"
    styles.mkdir(parents=True)
    (styles / "Plain.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [synergy]\n", encoding="utf-8"
    )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    shipped_tagger.cache_clear()
    vale_tagger.cache_clear()
    alerts = Workspace(Settings(guide=str(guide))).lint_text("Real synergy.\n", "post.md")
    assert [a.match for a in alerts] == ["synergy"]
    assert (shipped_tagger.cache_info().currsize, vale_tagger.cache_info().currsize) == (0, 0)

    (styles / "Tagged.yml").write_text(
        textwrap.dedent("""\
            extends: sequence
            message: "'%[2]s' after 'be' needs 'to'."
            tokens:
              - pattern: be
              - tag: JJ
              - tag: VB
        """),
        encoding="utf-8",
    )
    alerts = Workspace(Settings(guide=str(guide))).lint_text(
        "It would be great write a story.\n", "post.md"
    )
    assert [(a.rule, a.match, a.message) for a in alerts] == [
        ("Test.Tagged", "be great write", "'great' after 'be' needs 'to'.")
    ]
    # a sequence rule tags with Vale's tagger, not the spaCy one
    assert (shipped_tagger.cache_info().currsize, vale_tagger.cache_info().currsize) == (0, 1)
