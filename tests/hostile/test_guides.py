# ruff: noqa: E501 (the expected lines are kept whole, as a user reads them)
"""Hostile and broken guides: every one is refused with exit 2 and one line naming the file,
line and column and what to change; none hangs, none ends in a trace (issue 15).

Wrong types in every section, YAML bombs (alias expansion, recursive aliases), unknown and
code-running tags, deep nesting, duplicate keys, bad bytes, and paths that point outside
the project. A guide's files are written by the test; the bombs are a few hundred bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

LAUGHS = "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ['"lol"'] * 9) + "]\n"
    for i in range(9)
)
GUIDES = {
    "name-list": "name: [a, b]\n",
    "lang-number": "name: t\nlang: 5\n",
    "extends-text": "name: t\nextends: brandlint:hype\n",
    "extends-mapping-item": "name: t\nextends:\n  - {pack: hype}\n",
    "terms-mapping": "name: t\nterms:\n  use: Acme\n",
    "terms-number-item": "name: t\nterms:\n  - 5\n",
    "terms-use-list": "name: t\nterms:\n  - use: [Acme, Cloud]\n",
    "terms-instead-of-number": "name: t\nterms:\n  - use: Acme\n    instead_of: 5\n",
    "terms-level-unknown": "name: t\nterms:\n  - avoid: [synergy]\n    level: loud\n",
    "consistency-mapping": "name: t\nconsistency:\n  a: b\n",
    "consistency-number-item": "name: t\nconsistency:\n  - 5\n",
    "channels-list": "name: t\nchannels:\n  - sms\n",
    "channels-number-value": 'name: t\nchannels:\n  "texts/**": 5\n',
    "languages-list": "name: t\nlanguages:\n  - en\n",
    "formats-list": "name: t\nformats:\n  - md\n",
    "ignore-text": 'name: t\nignore: "*.md"\n',
    "rules-list": "name: t\nrules:\n  - brandlint.hype.superlatives\n",
    "rules-level-unknown": "name: t\nrules:\n  t.terms.synergy: loud\n",
    "assets-list": "name: t\nassets:\n  - palette\n",
    "assets-palette-list": "name: t\nassets:\n  palette: [red]\n",
    "assets-contrast-text": "name: t\nassets:\n  contrast: high\n",
    "pipelines-list": "name: t\npipelines:\n  - en\n",
    "description-mapping": "name: t\ndescription:\n  a: 1\n",
    "guide-list": "- name\n- t\n",
    "guide-scalar": "just some words\n",
    "billion-laughs": LAUGHS,
    "recursive-alias": "name: t\nterms: &loop\n  - avoid: *loop\n",
    "unknown-tag": "name: !Ref brand\n",
    "python-tag": "name: !!python/object/apply:os.system [echo hi]\n",
    "binary-tag": "name: !!binary aGVsbG8=\n",
    "deep-nesting": "name: t\nterms: " + "[" * 150 + "]" * 150 + "\n",
    "duplicate-key": "name: t\nname: u\n",
    "tab-indent": "name: t\nterms:\n\t- avoid: [synergy]\n",
    "unclosed-quote": 'name: "t\nterms: []\n',
    "merge-key": "<<: {name: t}\n",
    "extends-outside": "name: t\nextends:\n  - ../elsewhere/styles\n",
    "extends-absolute": "name: t\nextends: [/etc]\n",
    "termbase-outside": "name: t\ntermbases:\n  - ../elsewhere/terms.csv\n",
    "termbase-outside-mapping": "name: t\ntermbases:\n  - path: /etc/passwd\n    format: csv\n",
    "extends-missing": "name: t\nextends: [styles/none]\n",
    "extends-itself": "name: t\nextends: [brandlint.yaml]\n",
}
RAW = {
    "nul-bytes": b"name: t\x00\nterms: []\n",
    "latin-1": b"name: caf\xe9\n",
    "utf-16": "name: t\n".encode("utf-16"),
}


# (case, exit code, first line on stderr: the guide's problem, or the summary)
EXPECTED = [
    ("name-list", 2, "{root}/brandlint.yaml:1:7: error: name should be text, not a list"),
    ("lang-number", 2, "{root}/brandlint.yaml:2:7: error: lang should be text, not a number"),
    ("extends-text", 2, "{root}/brandlint.yaml:2:10: error: extends should be a list, not text"),
    (
        "extends-mapping-item",
        2,
        "{root}/brandlint.yaml:3:5: error: extends[1] should be text, not a mapping",
    ),
    ("terms-mapping", 2, "{root}/brandlint.yaml:3:3: error: terms should be a list, not a mapping"),
    (
        "terms-number-item",
        2,
        "{root}/brandlint.yaml:3:5: error: terms[1] should be a mapping, not a number",
    ),
    (
        "terms-use-list",
        2,
        "{root}/brandlint.yaml:3:10: error: terms[1].use should be text, not a list",
    ),
    (
        "terms-instead-of-number",
        2,
        "{root}/brandlint.yaml:4:17: error: terms[1].instead_of should be text or a list of text",
    ),
    (
        "terms-level-unknown",
        2,
        "{root}/brandlint.yaml:4:12: error: terms[1].level is 'loud'; use one of suggestion, warning, error",
    ),
    (
        "consistency-mapping",
        2,
        "{root}/brandlint.yaml:3:3: error: consistency should be a list, not a mapping",
    ),
    (
        "consistency-number-item",
        2,
        "{root}/brandlint.yaml:3:5: error: consistency[1] is not in a form brandlint understands",
    ),
    (
        "channels-list",
        2,
        "{root}/brandlint.yaml:3:3: error: channels should be a mapping, not a list",
    ),
    (
        "channels-number-value",
        2,
        "{root}/brandlint.yaml:3:15: error: channels.texts/** should be text, not a number",
    ),
    (
        "languages-list",
        2,
        "{root}/brandlint.yaml:3:3: error: languages should be a mapping, not a list",
    ),
    (
        "formats-list",
        2,
        "{root}/brandlint.yaml:3:3: error: formats should be a mapping, not a list",
    ),
    ("ignore-text", 2, "{root}/brandlint.yaml:2:9: error: ignore should be a list, not text"),
    ("rules-list", 2, "{root}/brandlint.yaml:3:3: error: rules should be a mapping, not a list"),
    (
        "rules-level-unknown",
        2,
        "{root}/brandlint.yaml:3:20: error: rules.t.terms.synergy is 'loud'; use one of off, suggestion, warning, error",
    ),
    ("assets-list", 2, "{root}/brandlint.yaml:3:3: error: assets should be a mapping, not a list"),
    (
        "assets-palette-list",
        2,
        "{root}/brandlint.yaml:3:12: error: assets.palette should be a mapping, not a list",
    ),
    (
        "assets-contrast-text",
        2,
        "{root}/brandlint.yaml:3:13: error: assets.contrast: 'high' is not valid under any of the given schemas",
    ),
    (
        "pipelines-list",
        2,
        "{root}/brandlint.yaml:3:3: error: pipelines should be a mapping, not a list",
    ),
    (
        "description-mapping",
        2,
        "{root}/brandlint.yaml:3:3: error: description should be text, not a mapping",
    ),
    (
        "guide-list",
        2,
        "{root}/brandlint.yaml:1:1: error: a guide is a mapping of settings (name, extends, terms, …)",
    ),
    (
        "guide-scalar",
        2,
        "{root}/brandlint.yaml:1:1: error: a guide is a mapping of settings (name, extends, terms, …)",
    ),
    (
        "billion-laughs",
        2,
        "{root}/brandlint.yaml:6:15: error: YAML aliases here repeat over 100,000 values (an alias bomb); write fewer aliases, or raise BRANDLINT_MAX_YAML_ALIAS_NODES",
    ),
    (
        "recursive-alias",
        2,
        "{root}/brandlint.yaml:3:12: error: YAML alias '*loop' repeats a value that holds the alias itself (a recursive alias); write the value out instead",
    ),
    (
        "unknown-tag",
        2,
        "{root}/brandlint.yaml:1:7: error: unknown YAML tag '!Ref'; remove it (brandlint reads plain YAML: text, numbers, true/false, lists and mappings)",
    ),
    (
        "python-tag",
        2,
        "{root}/brandlint.yaml:1:7: error: unknown YAML tag '!!python/object/apply:os.system'; remove it (brandlint reads plain YAML: text, numbers, true/false, lists and mappings)",
    ),
    (
        "binary-tag",
        2,
        "{root}/brandlint.yaml:1:7: error: unknown YAML tag '!!binary'; remove it (brandlint reads plain YAML: text, numbers, true/false, lists and mappings)",
    ),
    (
        "deep-nesting",
        2,
        "{root}/brandlint.yaml:2:107: error: YAML nested over 100 levels deep; flatten it, or raise BRANDLINT_MAX_YAML_DEPTH",
    ),
    ("duplicate-key", 2, "{root}/brandlint.yaml:2:1: error: key 'name' appears twice; keep one"),
    (
        "tab-indent",
        2,
        "{root}/brandlint.yaml:3:1: error: YAML syntax: found character '\\t' that cannot start any token; check indentation and quoting",
    ),
    (
        "unclosed-quote",
        2,
        "{root}/brandlint.yaml:3:1: error: YAML syntax: found unexpected end of stream; check indentation and quoting",
    ),
    (
        "merge-key",
        2,
        "{root}/brandlint.yaml:1:1: error: unknown key '<<' in the guide (allowed: allow_outside_project, assets, channels, consistency, description, detect_language, extends, formats, ignore, lang, languages, locales, name, pipelines, rules, termbases, terms, voice)",
    ),
    (
        "extends-outside",
        2,
        "{root}/brandlint.yaml:3:5: error: '../elsewhere/styles' is outside this project ({root}); brandlint reads no files outside it unless the top guide says 'allow_outside_project: true'",
    ),
    (
        "extends-absolute",
        2,
        "{root}/brandlint.yaml:2:11: error: '/etc' is outside this project ({root}); brandlint reads no files outside it unless the top guide says 'allow_outside_project: true'",
    ),
    (
        "termbase-outside",
        2,
        "{root}/brandlint.yaml:3:5: error: '../elsewhere/terms.csv' is outside this project ({root}); brandlint reads no files outside it unless the top guide says 'allow_outside_project: true'",
    ),
    (
        "termbase-outside-mapping",
        2,
        "{root}/brandlint.yaml:3:11: error: '/etc/passwd' is outside this project ({root}); brandlint reads no files outside it unless the top guide says 'allow_outside_project: true'",
    ),
    (
        "extends-missing",
        2,
        "{root}/brandlint.yaml:2:11: error: 'styles/none' is not a folder of rule files or a guide (looked for {root}/styles/none)",
    ),
    (
        "extends-itself",
        2,
        "{root}/brandlint.yaml:1:1: error: this guide extends itself (a loop through 'extends'); remove one of the links",
    ),
    (
        "nul-bytes",
        2,
        "{root}/brandlint.yaml:1:1: error: YAML syntax: unacceptable character #x0000: special characters are not allowed",
    ),
    (
        "latin-1",
        2,
        "{root}/brandlint.yaml:1:1: error: cannot read the guide: 'utf-8' codec can't decode byte 0xe9 in position 9: invalid continuation byte",
    ),
    (
        "utf-16",
        2,
        "{root}/brandlint.yaml:1:1: error: cannot read the guide: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
    ),
]


@pytest.mark.parametrize(("case", "code", "line"), EXPECTED, ids=[row[0] for row in EXPECTED])
def test_a_broken_guide_is_one_clear_line_and_exit_2(project: Path, brandlint, case, code, line):
    text = GUIDES.get(case)
    data = text.encode() if text is not None else RAW[case]
    (project / "brandlint.yaml").write_bytes(data)
    (project / "page.md").write_text("Our synergy.\n")
    done = brandlint("check", "page.md")
    assert (done.code, done.first_error) == (code, line.format(root=project))
    if code == 2:
        assert done.err.splitlines()[-1] == "brandlint: the guide has errors; nothing was checked."


def test_every_guide_case_has_its_expectation():
    assert {row[0] for row in EXPECTED} == set(GUIDES) | set(RAW)
