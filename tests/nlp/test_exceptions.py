"""The blank tokenizer's exceptions load as copy needs them (`Exceptions`), and the tokens
are those of a tokenizer holding them all."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.nlp.pipelines import Exceptions, LangPipeline, Pipelines


def _lazy(lang: str) -> LangPipeline:
    pipeline = Pipelines().get(lang)
    assert pipeline.exceptions is not None
    return pipeline


def _full(lang: str) -> LangPipeline:
    pipelines = Pipelines()
    pipelines.get(lang)
    pipelines.complete()
    return pipelines.get(lang)


def _spacy_exceptions(lang: str) -> set[str]:
    import spacy

    return set(spacy.util.get_lang_class(lang).Defaults.tokenizer_exceptions)


def _tokens(pipeline: LangPipeline, texts: list[str]) -> list[list[tuple[int, str]]]:
    return [[(t.idx, t.text) for t in doc] for doc in pipeline.process(texts, lemmas=False)]


FULL = {lang: _full(lang) for lang in ("en", "hu", "nb")}

# pieces of exceptions and of the affixes around them, so that a drawn text holds whole
# exceptions, halves of them and exceptions glued to punctuation
SPACES = [" ", " ", "  ", "\n"]
PIECES = {
    "en": [
        *"do Do n't ' ca can not Mr . a.m p m :) : ) ( ; = - D P o O x < 3 ^ _".split(),
        *"I 'm 's y'all gon na e.g vs \" Kestrel".split(),
        *SPACES,
    ],
    "hu": [*"kb . pl stb Kft Kestrel nek - dr Dr ( ) 1 2020 -ban ún u : ; D".split(), *SPACES],
    "nb": [*"bl . a f eks mv kl Kestrel - nr ( ) st : ; D".split(), *SPACES],
}


def _copy(lang: str) -> st.SearchStrategy[list[str]]:
    text = st.lists(st.sampled_from(PIECES[lang]), max_size=30).map("".join)
    return st.lists(text, min_size=1, max_size=4)


@pytest.mark.parametrize("lang", ["en", "hu", "nb"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_tokens_are_those_of_the_full_tokenizer(lang: str, data: st.DataObject) -> None:
    lazy = _lazy(lang)  # a fresh pipeline: each batch below loads exceptions into it
    for _ in range(3):
        texts = data.draw(_copy(lang))
        assert _tokens(lazy, texts) == _tokens(FULL[lang], texts)


def test_a_line_loads_only_its_own_exceptions() -> None:
    lazy = _lazy("en")
    assert _tokens(lazy, ["Don't email Mr. Smith before 9 a.m. :)"]) == [
        [
            (0, "Do"),
            (2, "n't"),
            (6, "email"),
            (12, "Mr."),
            (16, "Smith"),
            (22, "before"),
            (29, "9"),
            (31, "a.m."),
            (36, ":)"),
        ]
    ]
    loaded = lazy.nlp.tokenizer.rules
    assert {"Don't", "Mr.", "a.m.", ":)"} <= set(loaded)
    assert "y'all" not in loaded
    assert len(loaded) < len(FULL["en"].nlp.tokenizer.rules) // 10


def test_an_exception_spanning_a_space_between_tokens_counts() -> None:
    # spaCy's special-case matcher reads ":))" in the tokens ":", ")", ")" of "do:) )",
    # and preferring that longer match leaves ":)" unmerged too
    lazy = _lazy("en")
    assert _tokens(lazy, ["do:) )"]) == [[(0, "do"), (2, ":"), (3, ")"), (5, ")")]]
    assert _tokens(lazy, ["do:) )"]) == _tokens(FULL["en"], ["do:) )"])


def test_patterns_made_from_a_guide_load_theirs_too() -> None:
    lazy = _lazy("en")
    assert [t.text for t in lazy.make("can't")] == ["ca", "n't"]


def test_past_the_scan_budget_all_load_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Exceptions, "SCAN", 150)  # the first look fits, not the second
    lazy = _lazy("en")
    lazy.process(["Kestrel ships today."])
    assert lazy.exceptions is not None and lazy.exceptions.waiting
    lazy.process(["Kestrel ships today, and tomorrow, and every day after."])
    assert not lazy.exceptions.waiting
    assert set(lazy.nlp.tokenizer.rules) == _spacy_exceptions("en")


def test_complete_loads_every_pipeline_of_the_process() -> None:
    pipelines = Pipelines()
    english, hungarian = pipelines.get("en"), pipelines.get("hu")
    pipelines.complete()
    assert english.exceptions is None and hungarian.exceptions is None
    assert set(english.nlp.tokenizer.rules) == _spacy_exceptions("en")
    assert set(hungarian.nlp.tokenizer.rules) == _spacy_exceptions("hu")
