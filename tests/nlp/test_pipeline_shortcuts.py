"""The pipeline's shortcuts give what the plain way gives: sentence marks, short blocks
tokenized whole, and lemmas only for guides whose rules read them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.guide.loader import load_guide
from brandlint.linter import Linter
from brandlint.nlp.chunks import tokenize_long
from brandlint.nlp.pipelines import LangPipeline, Pipelines
from brandlint.nlp.sentences import sentence_starts

PIPELINES = Pipelines()

word = st.sampled_from(["Kestrel", "ships", "e.g.", "Dr.", "iOS", "U.S.", "today", "3.5", "(see"])
mark = st.sampled_from([".", "!", "?", "…", ".)", '."', ""])
sentence = st.tuples(st.lists(word, min_size=1, max_size=6), mark).map(
    lambda t: " ".join(t[0]) + t[1]
)
copy = st.lists(sentence, min_size=1, max_size=8).map(" ".join)


@pytest.fixture(scope="module")
def english() -> LangPipeline:
    return PIPELINES.get("en")


@settings(max_examples=200, deadline=None)
@given(copy)
def test_sentence_marks_fall_where_the_sentence_rules_say(text: str) -> None:
    doc = PIPELINES.get("en").process([text])[0]
    starts = {0, *sentence_starts(text, "en")}
    assert [token.idx for token in doc if token.is_sent_start] == sorted(
        token.idx for token in doc if token.idx in starts
    )


def test_one_sentence_after_many_keeps_its_own_marks(english: LangPipeline) -> None:
    several, one = english.process(["Ship it. Then rest. Done!", "Kestrel ships today"])
    assert [s.text for s in several.sents] == ["Ship it.", "Then rest.", "Done!"]
    assert [s.text for s in one.sents] == ["Kestrel ships today"]


def test_a_block_longer_than_the_marks_kept_for_short_ones(english: LangPipeline) -> None:
    text = " ".join(["Kestrel ships fast."] * 1500)  # 6,000 tokens, 1,500 sentences
    (doc,) = english.process([text])
    sentences = list(doc.sents)
    assert len(doc) == 6000
    assert len(sentences) == 1500
    assert sentences[-1].text == "Kestrel ships fast."


@settings(max_examples=100, deadline=None)
@given(st.lists(copy, min_size=1, max_size=4))
def test_short_blocks_get_the_tokens_of_the_tokenizer(texts: list[str]) -> None:
    nlp = PIPELINES.get("en").nlp
    docs = tokenize_long(texts, nlp)
    assert [[t.text for t in doc] for doc in docs] == [
        [t.text for t in nlp.tokenizer(text)] for text in texts
    ]


def test_lemmas_are_left_out_only_when_asked(english: LangPipeline) -> None:
    (lemmatized,) = english.process(["Staff logged in."])
    (plain,) = english.process(["Staff logged in."], lemmas=False)
    assert [t.lemma_ for t in lemmatized] == ["staff", "log", "in", "."]
    assert [t.lemma_ for t in plain] == ["", "", "", ""]


TERMS = """
name: acme
terms:
  - use: sign in
    instead_of: [log in]
    inflect: {inflect}
"""


@pytest.mark.parametrize(("inflect", "reads"), [("true", True), ("false", False)])
def test_the_index_reads_lemmas_only_for_inflecting_phrases(tmp_path, inflect, reads) -> None:
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(TERMS.format(inflect=inflect), encoding="utf-8")
    linter = Linter(load_guide(guide), PIPELINES)
    assert linter._index(PIPELINES.get("en")).reads_lemmas is reads


def test_a_guide_without_inflecting_phrases_still_flags_its_terms(lint_with) -> None:
    lint = lint_with(TERMS.format(inflect="false"))
    alerts = lint("Log in here, or logged in staff log in again.\n")
    assert [(a.span.column, a.span.end_column, a.match, a.replacements) for a in alerts] == [
        (1, 7, "Log in", ("Sign in",)),
        (33, 39, "log in", ("sign in",)),
    ]
