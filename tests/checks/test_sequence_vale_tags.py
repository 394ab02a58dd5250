"""Vale `sequence` rules tag English copy with Vale's own tagger, so they give Vale's alerts
where brandlint's spaCy tagger would tag a word otherwise."""

from __future__ import annotations

import textwrap

from brandlint.nlp.perceptron import vale_tagger
from brandlint.workspace import Settings, Workspace

# Vale's demo style (Vale v3.7.1, testdata/styles/demo/Meetup.yml), and its copy
MEETUP = """\
    extends: sequence
    message: Use 'meetup(s)' instead of 'meet up'
    tokens:
      - tag: NN
        pattern: meet
      - pattern: up
"""
DEMO = (
    "A meet up on Sunday before the reception. We should meet up and talk. Let's meet up at "
    "5pm. All of our local meet-ups are organized by members of the community in their own "
    "town. We invite you to join a meet up in your local community.\n"
)
MESSAGE = "Use 'meetup(s)' instead of 'meet up'"


def rows(alerts):
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_line, a.span.end_column, a.match)
        for a in alerts
    ]


def test_meet_as_a_noun_is_flagged_as_vale_flags_it(lint_rule):
    alerts = lint_rule(MEETUP)(DEMO)
    assert rows(alerts) == [
        ("Test.Rule", 1, 3, 1, 10, "meet up"),
        ("Test.Rule", 1, 204, 1, 211, "meet up"),
    ]
    assert {a.message for a in alerts} == {MESSAGE}


def test_a_straight_quote_is_read_as_vales_tokenizer_reads_it(lint_rule):
    lint = lint_rule("""\
        extends: sequence
        message: "'%s up' is the verb here."
        tokens:
          - tag: VB
            pattern: (?i)meet
          - pattern: up
    """)
    # Vale's tokenizer makes the quotes `` and '': after an opening quote, 'Meet' is a verb
    copy = '"Meet up" is what we say.\n'
    assert vale_tagger().tag(["``", "Meet", "up", "''", "is"])[1] == "VB"
    assert vale_tagger().tag(['"', "Meet", "up", '"', "is"])[1] == "NNP"
    assert rows(lint(copy)) == [("Test.Rule", 1, 2, 1, 9, "Meet up")]
    assert [a.message for a in lint(copy)] == ["'Meet up' is the verb here."]


def test_the_sequence_rules_of_a_guide_tag_each_sentence_once(tmp_path, monkeypatch):
    style = tmp_path / "styles" / "Demo"
    style.mkdir(parents=True)
    (style / "Meetup.yml").write_text(textwrap.dedent(MEETUP), encoding="utf-8")
    (style / "JoinA.yml").write_text(
        "extends: sequence\nmessage: x\ntokens:\n  - pattern: Join\n  - tag: DT\n",
        encoding="utf-8",
    )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n", encoding="utf-8")
    calls: list[list[str]] = []
    tag = vale_tagger().tag

    def counting(words: list[str]) -> list[str]:
        calls.append(list(words))
        return tag(words)

    monkeypatch.setattr(vale_tagger(), "tag", counting)
    alerts = Workspace(Settings(guide=str(guide))).lint_text(
        "Join a meet up. Or two.\n", str(tmp_path / "post.md")
    )
    assert sorted((a.rule, a.match) for a in alerts) == [
        ("Demo.JoinA", "Join a"),
        ("Demo.Meetup", "meet up"),
    ]
    assert calls == [["Join", "a", "meet", "up", "."], ["Or", "two", "."]]
