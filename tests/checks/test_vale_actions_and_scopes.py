"""Vale's `action` fixes and `scope: sentence`, on rules written as the official Google,
Microsoft, proselint and write-good styles write them (errata-ai, MIT)."""

from __future__ import annotations

from tests.conftest import row


def test_edit_trim_removes_the_spaces_around_a_dash(lint_rule):
    lint = lint_rule(
        'extends: existence\nmessage: "Don\'t put a space before or after a dash."\n'
        "nonword: true\nlevel: error\naction:\n  name: edit\n  params:\n    - trim\n"
        "    - ' '\ntokens:\n  - '\\s[—–]\\s'\n"
    )
    assert [row(a) for a in lint("Fast — and safe.\n")] == [
        ("Test.Rule", 1, 5, 1, 8, " — ", ("—",))
    ]


def test_convert_simple_unhyphenates_the_match(lint_rule):
    lint = lint_rule(
        "extends: existence\nmessage: \"In general, don't hyphenate '%s'.\"\nignorecase: true\n"
        "level: error\naction:\n  name: convert\n  params:\n    - simple\n"
        "tokens:\n  - 'auto-\\w+'\n"
    )
    assert [row(a) for a in lint("Turn on auto-scaling.\n")] == [
        ("Test.Rule", 1, 9, 1, 21, "auto-scaling", ("auto scaling",))
    ]


def test_edit_split_keeps_the_first_word_of_a_redundant_acronym(lint_rule):
    lint = lint_rule(
        "extends: existence\nmessage: \"'%s' is redundant.\"\nlevel: error\n"
        "action:\n  name: edit\n  params:\n   - split\n   - ' '\n   - '0'\n"
        "tokens:\n  - ATM machine\n  - PIN number\n"
    )
    alerts = lint("Enter your PIN number at the ATM machine.\n")
    assert [(a.match, a.replacements, a.message) for a in alerts] == [
        ("PIN number", ("PIN",), "'PIN number' is redundant."),
        ("ATM machine", ("ATM",), "'ATM machine' is redundant."),
    ]


def test_edit_truncate_on_a_repetition_keeps_one_word(lint_rule):
    lint = lint_rule(
        "extends: repetition\nmessage: \"'%s' is repeated!\"\nlevel: warning\nalpha: true\n"
        "action:\n  name: edit\n  params:\n    - truncate\n    - ' '\ntokens:\n  - '[^\\s]+'\n"
    )
    assert [(a.match, a.replacements) for a in lint("It is the the best.\n")] == [
        ("the the", ("the",))
    ]


def test_edit_regex_rewrites_the_match_with_go_group_references(lint_rule):
    lint = lint_rule(
        "extends: existence\nmessage: \"Use '%s' without the space.\"\nnonword: true\n"
        "level: warning\naction:\n  name: edit\n  params:\n    - regex\n    - '(\\d+) %'\n"
        "    - '${1}%'\ntokens:\n  - '\\d+ %'\n"
    )
    assert [(a.match, a.replacements) for a in lint("Save 20 % today.\n")] == [("20 %", ("20%",))]


def test_an_unknown_edit_operation_in_a_vale_file_runs_without_a_fix(lint_rule, tmp_path):
    from brandlint.guide.loader import load_guide

    lint = lint_rule(
        "extends: existence\nmessage: x\nlevel: warning\naction:\n  name: edit\n"
        "  params: [trimm, ' ']\ntokens: [foo]\n"
    )
    assert [(a.match, a.replacements) for a in lint("foo\n")] == [("foo", ())]
    (warning,) = load_guide(tmp_path / "brandlint.yaml").warnings
    assert warning.line == 6
    assert warning.message.endswith("; the rule runs without a fix")


def test_go_indexed_verbs_in_messages(lint_rule):
    lint = lint_rule(
        "extends: existence\n"
        "message: 'Did you mean \"%[1]ss\" instead of \"%[1]s''s\"?'\n"
        'level: warning\nnonword: true\ntokens: ["\\\\w+(?=\'s)"]\n'
    )
    (alert,) = lint("The cat's here.\n")
    assert alert.message == 'Did you mean "cats" instead of "cat\'s"?'


def test_sentence_scope_matches_within_each_sentence(lint_rule):
    lint = lint_rule(
        "extends: existence\nmessage: \"'%s' should be in lowercase.\"\nnonword: true\n"
        "level: warning\nscope: sentence\ntokens:\n  - '(?<!:[^ ]+?):\\s[A-Z]'\n"
    )
    copy = "Note: Keep it short. See https://x.io: Or not.\n\nTwo things: Speed and care.\n"
    assert [(a.span.line, a.span.column, a.match) for a in lint(copy)] == [
        (1, 5, ": K"),
        (3, 11, ": S"),
    ]


def test_two_styles_flagging_the_same_words_both_speak(tmp_path):
    from brandlint.workspace import Settings, Workspace

    for style in ("First", "Second"):
        folder = tmp_path / "styles" / style
        folder.mkdir(parents=True)
        (folder / "Weasel.yml").write_text(
            "extends: existence\nmessage: \"'%s' is vague.\"\nlevel: warning\ntokens: [very]\n"
        )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n")
    alerts = Workspace(Settings(guide=str(guide))).lint_text(
        "A very good day.\n", str(tmp_path / "a.md")
    )
    assert [(a.rule, a.span.column) for a in alerts] == [("First.Weasel", 3), ("Second.Weasel", 3)]


def test_raw_scope_reads_the_markup_as_written(lint_rule):
    lint = lint_rule(
        'extends: existence\nmessage: "Don\'t use italics/bolding in a heading."\nlevel: error\n'
        "scope: raw\nnonword: true\ntokens:\n  - '^#+ .*(?:\\*|_)'\n"
    )
    copy = "# Fine heading\n\nText with *emphasis*.\n\n## A **bold** heading\n"
    assert [row(a) for a in lint(copy)] == [("Test.Rule", 5, 1, 5, 14, "## A **bold**", ())]
