"""The declarations the Vale compatibility table is generated from agree with the code."""

from __future__ import annotations

import pytest

from brandlint.checks.registry import KINDS, NOT_YET
from brandlint.checks.vale_keys import COMMON_KEYS, KEY_NOTES, VALE_KEYS
from brandlint.guide import vale_ini
from brandlint.reference import vale_key_support


def test_every_ini_key_the_reader_knows_has_a_row():
    known = vale_ini._CORE_KEYS | vale_ini._SYNTAX_KEYS | {"Packages"}
    assert known - set(vale_ini.INI_KEYS) == set()


def test_keys_the_reader_warns_about_are_not_claimed_as_applied():
    assert {key: vale_ini.INI_KEYS[key].support for key in vale_ini._NOT_APPLIED} == {
        "WordTemplate": "not",
        "NLPEndpoint": "not",
        "CommentDelimiters": "not",
        "Transform": "not",
    }


def test_every_vale_kind_is_registered_or_declared_unsupported():
    assert set(VALE_KEYS) - set(KINDS) == set(NOT_YET)


def test_notes_name_keys_vale_has():
    for kind, key in KEY_NOTES:
        assert key in (*COMMON_KEYS, *VALE_KEYS[kind]), (kind, key)


def test_a_key_neither_declared_nor_explained_stops_the_table():
    with pytest.raises(LookupError, match="existence key 'frobnicate'"):
        vale_key_support("existence", "frobnicate")


def test_a_tengo_script_key_is_not_supported_with_the_registry_reason():
    assert vale_key_support("script", "script") == (
        "not",
        "Tengo scripts are not run by brandlint: the rule is skipped, with a warning",
    )


def test_a_vale_rule_scoped_to_line_comments_checks_only_them(tmp_path):
    from brandlint import Settings, Workspace

    style = tmp_path / "styles" / "Acme"
    style.mkdir(parents=True)
    (style / "Todo.yml").write_text(
        "extends: existence\nmessage: \"Remove '%s'.\"\nlevel: error\nscope: comment.line\n"
        "tokens: [TODO]\n"
    )
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Acme\n")
    source = tmp_path / "sync.js"
    source.write_text('/* TODO: a block\n   comment */\n// TODO: retry\nconst label = "TODO";\n')
    alerts = Workspace(Settings()).lint_file(str(source))
    assert [(a.rule, a.span.line, a.span.column, a.match, a.message) for a in alerts] == [
        ("Acme.Todo", 3, 4, "TODO", "Remove 'TODO'.")
    ]
