""".vale.ini projects: sections per glob, rule switches and levels, MinAlertLevel, vocabularies,
BlockIgnores/TokenIgnores masking, [formats], packages, discovery and broken files."""

from __future__ import annotations

import textwrap
import zipfile
from pathlib import Path

import pytest

from brandlint.core.alerts import Alert
from brandlint.core.errors import GuideError
from brandlint.guide.loader import load_guide
from brandlint.guide.vale_ini import ValeGlob, load_vale_project, read_ini
from brandlint.workspace import Settings, Workspace
from tests.conftest import write_files

INI = """\
StylesPath = styles
MinAlertLevel = suggestion
Vocab = Brand

[*]
BasedOnStyles = Vale, Acme
Vale.Spelling = NO

[*.md]
BasedOnStyles = Acme, Docs
Acme.Hedge = NO
Acme.Weasel = error

[*.{md,txt}]
TokenIgnores = (\\{\\{[^}]+\\}\\})
BlockIgnores = (?s)(::: ignore.*?:::)

[notes/*.md]
Acme.Weasel = NO

[formats]
mdx = md
"""

RULES = {
    "Acme/Weasel.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\n"
    "tokens: [very, really]\n",
    "Acme/Hedge.yml": "extends: existence\nmessage: \"Hedging: '%s'.\"\nlevel: suggestion\n"
    "tokens: [probably]\n",
    "Acme/Terms.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
    "level: error\nignorecase: true\nswap:\n  utilize: use\n",
    "Acme/Birds.yml": "extends: existence\nmessage: \"No birds: '%s'.\"\nlevel: warning\n"
    "ignorecase: true\ntokens: [kestrel]\n",
    "Docs/Simple.yml": "extends: existence\nmessage: \"Don't say '%s'.\"\nlevel: warning\n"
    "tokens: [simply]\n",
    "config/vocabularies/Brand/accept.txt": "Kestrel\n# a comment\n",
    "config/vocabularies/Brand/reject.txt": "synergy\n",
}

COPY = {
    "a.md": """\
        # Guide

        We ship really fast and we utilize {{ very }} tools.

        ::: ignore
        This is very raw.
        :::

        It is probably simply synergy.
        """,
    "b.txt": """\
        Kestrel is probably very good. We utilize synergy {{ very }}.
        A kestrel flies.
        """,
    "c.mdx": "It is really {{ very }} simply done.\n",
    "notes/d.md": "It is really simply done.\n",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    monkeypatch.delenv("VALE_STYLES_PATH", raising=False)
    styles = {f"styles/{name}": text for name, text in RULES.items()}
    copy = {name: textwrap.dedent(text) for name, text in COPY.items()}
    write_files(tmp_path, {".vale.ini": INI, **styles, **copy})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rows(alerts: list[Alert]) -> list[tuple[str, int, int, int, str, str]]:
    return [
        (a.rule, a.span.line, a.span.column, a.span.end_column, str(a.level), a.message)
        for a in alerts
    ]


def lint(workspace: Workspace, name: str) -> list[tuple[str, int, int, int, str, str]]:
    return rows(workspace.lint_file(name))


def test_each_file_gets_the_rules_of_the_sections_it_matches(project: Path) -> None:
    workspace = Workspace()
    # [*.md] names the styles (Vale's are not among them), switches Hedge off and makes
    # Weasel an error; {{ very }} (TokenIgnores) and the ::: block (BlockIgnores) are masked
    assert lint(workspace, "a.md") == [
        ("Acme.Weasel", 3, 9, 15, "error", "Avoid 'really'."),
        ("Acme.Terms", 3, 28, 35, "error", "Use 'use' instead of 'utilize'."),
        ("Docs.Simple", 9, 16, 22, "warning", "Don't say 'simply'."),
    ]
    # [*] names the styles: Vale's built-in rules run, with the vocabulary; Weasel is an
    # error here too (a level in any section is the rule's level everywhere, as in Vale);
    # Vale applies TokenIgnores to markup only, so {{ very }} in a .txt file is linted
    assert lint(workspace, "b.txt") == [
        ("Acme.Hedge", 1, 12, 20, "suggestion", "Hedging: 'probably'."),
        ("Acme.Weasel", 1, 21, 25, "error", "Avoid 'very'."),
        ("Acme.Terms", 1, 35, 42, "error", "Use 'use' instead of 'utilize'."),
        ("Vale.Avoid", 1, 43, 50, "error", "Avoid using 'synergy'."),
        ("Acme.Weasel", 1, 54, 58, "error", "Avoid 'very'."),
        # the accepted 'Kestrel' (line 1) is an exception to Acme.Birds, in its exact case
        ("Acme.Birds", 2, 3, 10, "warning", "No birds: 'kestrel'."),
        ("Vale.Terms", 2, 3, 10, "error", "Use 'Kestrel' instead of 'kestrel'."),
    ]
    # [formats] mdx = md: read as Markdown, and matched by the *.md sections
    assert lint(workspace, "c.mdx") == [
        ("Acme.Weasel", 1, 7, 13, "error", "Avoid 'really'."),
        ("Docs.Simple", 1, 25, 31, "warning", "Don't say 'simply'."),
    ]
    # [notes/*.md] switches Weasel off for its files
    assert lint(workspace, "notes/d.md") == [
        ("Docs.Simple", 1, 14, 20, "warning", "Don't say 'simply'."),
    ]


def test_files_matching_the_same_sections_share_one_guide_and_linter(project: Path) -> None:
    workspace = Workspace()
    (project / "e.md").write_text("Fine.\n", encoding="utf-8")
    assert workspace.linter_for("a.md") is workspace.linter_for("e.md")
    assert workspace.linter_for("a.md") is not workspace.linter_for("b.txt")
    assert workspace.linter_for("c.mdx") is workspace.linter_for("a.md")
    assert workspace.guide_path_for("a.md") == (project / ".vale.ini").resolve()


def test_masking_keeps_every_other_position_exact(project: Path) -> None:
    workspace = Workspace()
    document = workspace.document("a.md")
    assert "{{" not in document.text and "very" not in document.text.replace("really", "")
    assert "************" in document.text  # {{ very }}, masked in place
    assert all("This is" not in document.block_text(b) for b in document.blocks)
    start = document.text.index("utilize")
    assert document.source_span(start, start + 7).column == 28


def test_min_alert_level_drops_the_rules_below_it(project: Path) -> None:
    (project / "strict.ini").write_text(
        "StylesPath = styles\nMinAlertLevel = error\n\n[*]\nBasedOnStyles = Acme\n",
        encoding="utf-8",
    )
    workspace = Workspace(Settings(vale_config=str(project / "strict.ini")))
    assert lint(workspace, "b.txt") == [
        ("Acme.Terms", 1, 35, 42, "error", "Use 'use' instead of 'utilize'."),
    ]
    # without MinAlertLevel, Vale's default is warning: Acme.Hedge (suggestion) is dropped
    (project / "default.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Acme\n")
    workspace = Workspace(Settings(vale_config=str(project / "default.ini")))
    assert [r[0] for r in lint(workspace, "b.txt")] == [
        "Acme.Birds",  # no Vocab here: 'Kestrel' is not accepted
        "Acme.Weasel",
        "Acme.Terms",
        "Acme.Weasel",
        "Acme.Birds",
    ]


def test_a_style_can_be_switched_off_and_one_rule_back_on(project: Path) -> None:
    (project / "style.ini").write_text(
        "StylesPath = styles\n\n[*]\nBasedOnStyles = Acme\nAcme = NO\nAcme.Terms = YES\n",
        encoding="utf-8",
    )
    workspace = Workspace(Settings(vale_config=str(project / "style.ini")))
    assert [r[0] for r in lint(workspace, "b.txt")] == ["Acme.Terms"]


def test_a_single_rule_of_a_style_not_based_on_loads(project: Path) -> None:
    (project / "one.ini").write_text(
        "StylesPath = styles\n\n[*.txt]\nDocs.Simple = YES\n", encoding="utf-8"
    )
    (project / "s.txt").write_text("It is simply done.\n", encoding="utf-8")
    workspace = Workspace(Settings(vale_config=str(project / "one.ini")))
    assert lint(workspace, "s.txt") == [("Docs.Simple", 1, 7, 13, "warning", "Don't say 'simply'.")]


def test_a_nearer_brandlint_guide_wins_and_the_env_names_a_config(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = project / "site"
    sub.mkdir()
    (sub / "brandlint.yaml").write_text("name: site\n", encoding="utf-8")
    (sub / "x.md").write_text("It is really simply done.\n", encoding="utf-8")
    workspace = Workspace()
    assert workspace.guide_path_for(sub / "x.md") == (sub / "brandlint.yaml").resolve()
    assert [r[0] for r in lint(workspace, "site/x.md")] == []
    # VALE_CONFIG_PATH replaces the search for Vale files; a brandlint guide still wins
    (project / "env.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Docs\n")
    monkeypatch.setenv("VALE_CONFIG_PATH", str(project / "env.ini"))
    workspace = Workspace()
    assert workspace.guide_path_for(project / "a.md") == project / "env.ini"
    assert [r[0] for r in lint(workspace, "b.txt")] == []
    assert [r[0] for r in lint(workspace, "a.md")] == ["Docs.Simple"]
    assert workspace.guide_path_for(sub / "x.md") == (sub / "brandlint.yaml").resolve()


def test_vale_config_file_names_are_found_upwards(project: Path) -> None:
    (project / ".vale.ini").rename(project / "_vale")
    deep = project / "notes" / "deeper"
    deep.mkdir()
    (deep / "f.md").write_text("It is really done.\n", encoding="utf-8")
    workspace = Workspace()
    assert workspace.guide_path_for(deep / "f.md") == (project / "_vale").resolve()
    # notes/deeper/f.md matches [notes/*.md]: Vale's `*` matches across folders
    assert lint(workspace, "notes/deeper/f.md") == []


def test_vocabularies_in_the_older_layout_load(project: Path) -> None:
    vocab = project / "styles" / "Vocab" / "Old"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("DocOps\n", encoding="utf-8")
    (project / "old.ini").write_text(
        "StylesPath = styles\nVocab = Old\n\n[*]\nBasedOnStyles = Vale\n", encoding="utf-8"
    )
    (project / "o.txt").write_text("We like docops.\n", encoding="utf-8")
    workspace = Workspace(Settings(vale_config=str(project / "old.ini")))
    assert lint(workspace, "o.txt") == [
        ("Vale.Terms", 1, 9, 15, "error", "Use 'DocOps' instead of 'docops'.")
    ]


def test_settings_brandlint_cannot_apply_are_warnings_at_their_line(project: Path) -> None:
    ini = project / "warn.ini"
    ini.write_text(
        "StylesPath = styles\nIgnoredScopes = code, tt\nSkippedScopes = pre\n"
        "IgnoredClasses = x\nWordTemplate = \\b(?:%s)\\b\nNLPEndpoint = http://x\n"
        "Colour = blue\n\n[*.md]\nBasedOnStyles = Acme\nCommentDelimiters = {/*, */}\n"
        "Transform = a.xsl\nAcme.Weasel = maybe\nAcme.Nothing = YES\n\n"
        "[asciidoctor]\nexperimental = YES\n\n[formats]\nadoc = adoc\n",
        encoding="utf-8",
    )
    warnings = [(p.line, p.message.split(":")[0]) for p in load_vale_project(ini).warnings]
    assert warnings == [
        (5, "WordTemplate is read but not applied"),
        (6, "NLPEndpoint is read but not applied"),
        (7, "unknown core key 'Colour'; it is ignored (as Vale does)"),
        (11, "CommentDelimiters is read but not applied"),
        (12, "Transform is read but not applied"),
        (13, "'Acme.Weasel = maybe'"),
        (17, "[asciidoctor] is not applied"),
        (20, "'adoc = adoc'"),
        (14, "no rule 'Acme.Nothing' on StylesPath; this setting has no effect"),
    ]
    assert all(
        p.path == str(ini) and p.severity == "warning" for p in load_vale_project(ini).warnings
    )
    delimiters = next(p for p in load_vale_project(ini).warnings if p.line == 11)
    assert delimiters.message == (
        "CommentDelimiters is read but not applied: Vale's comment switches are read in "
        "each format's own comments, not between custom delimiters"
    )


def test_vale_spelling_without_the_spelling_kind_is_a_warning(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brandlint.checks import registry

    kinds = {k: v for k, v in registry.KINDS.items() if k != "spelling"}
    monkeypatch.setattr(registry, "KINDS", kinds)
    ini = project / "spell.ini"
    ini.write_text("StylesPath = styles\n\n[*.txt]\nBasedOnStyles = Vale\n", encoding="utf-8")
    loaded = load_vale_project(ini)
    assert [(p.line, p.message) for p in loaded.warnings] == [
        (4, "Vale.Spelling not loaded: spelling kind unavailable")
    ]
    assert loaded.guide_for("b.txt").skipped == (("Vale.Spelling", "spelling kind unavailable"),)
    assert loaded.guide_for("a.md").skipped == ()


def test_packages_load_from_local_folders_and_zips_only(project: Path) -> None:
    package = project / "vendor" / "Extra"
    package.mkdir(parents=True)
    (package / "Exclaim.yml").write_text(
        "extends: existence\nmessage: \"No '%s'.\"\nnonword: true\ntokens: ['!']\n"
    )
    archive = project / "vendor" / "Zipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(
            "Zipped/styles/Zipped/Wow.yml", "extends: existence\nmessage: x\ntokens: [wow]\n"
        )
        zipped.writestr("Zipped/.vale.ini", "[*.txt]\nZipped.Wow = error\n")
    ini = project / "pkg.ini"
    ini.write_text(
        "StylesPath = styles\nPackages = Google, https://example.com/Pack.zip, "
        "vendor/Extra, vendor/Zipped.zip\n\n[*]\nBasedOnStyles = Extra, Zipped\n",
        encoding="utf-8",
    )
    project_ = load_vale_project(ini)
    assert [(p.line, p.message) for p in project_.warnings] == [
        (
            2,
            "package 'Google' is not loaded (no such local folder or .zip file): "
            "Packages are not downloaded; put the package under StylesPath",
        ),
        (
            2,
            "package 'https://example.com/Pack.zip' is not loaded (a URL): "
            "Packages are not downloaded; put the package under StylesPath",
        ),
    ]
    (project / "p.txt").write_text("wow!\n", encoding="utf-8")
    workspace = Workspace(Settings(vale_config=str(ini)))
    # the package's own ini comes first: it makes Zipped.Wow an error for .txt files
    assert lint(workspace, "p.txt") == [
        ("Zipped.Wow", 1, 1, 4, "error", "x"),
        ("Extra.Exclaim", 1, 4, 5, "warning", "No '!'."),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("StylesPath = styles\nthis line has no value\n", 2, "not a 'key = value' line"),
        ("StylesPath = styles\n[*.md\nBasedOnStyles = Acme\n", 2, "unclosed section"),
        ("StylesPath = nowhere\n", 1, "StylesPath 'nowhere' does not exist"),
        ("MinAlertLevel = loud\n", 1, "MinAlertLevel must be"),
        ("BasedOnStyles = Acme\n", 1, "'BasedOnStyles' is a syntax-specific option"),
        ("[*]\nStylesPath = styles\n", 2, "'StylesPath' is a core option"),
        ("StylesPath = styles\n[*]\nBasedOnStyles = Nope\n", 3, "style 'Nope' does not exist"),
        ("StylesPath = styles\nVocab = Nope\n", 2, "vocabulary 'Nope' does not exist"),
        ("StylesPath = styles\n[*.md]\nTokenIgnores = (unclosed\n", 3, "TokenIgnores: '(unclosed'"),
        ("[*.{md]\nBasedOnStyles = Vale\n", 1, "the glob pattern '*.{md' could not be compiled"),
    ],
)
def test_a_broken_ini_is_a_guide_error_at_its_line(
    project: Path, text: str, line: int, message: str
) -> None:
    ini = project / "broken.ini"
    ini.write_text(text, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        Workspace(Settings(vale_config=str(ini))).lint_file("b.txt")
    first = caught.value.problems[0]
    assert (first.path, first.line, first.severity) == (str(ini), line, "error")
    assert first.message.startswith(message), first.message


def test_ini_values_read_as_vale_reads_them() -> None:
    sections, problems = read_ini(
        '; comment\nStylesPath = "ci/styles"  # where\n[*.md]\n'
        "BasedOnStyles = A, B\nBasedOnStyles = C, A\nTokenIgnores = a;b, c #d\n"
        "Style.Rule: NO\n[*.md]\nLang = fr\n",
        "x.ini",
    )
    assert problems == []
    root, md = sections
    assert root.first("StylesPath").value == "ci/styles"
    assert md.values("BasedOnStyles") == ["A", "B", "C"]
    assert md.values("TokenIgnores") == ["a;b", "c"]
    assert md.first("Style.Rule").value == "NO"
    assert md.first("Lang").value == "fr"  # a section named twice is one section


@pytest.mark.parametrize(
    ("glob", "path", "hit"),
    [
        ("*.md", "a.md", True),
        ("*.md", "docs/deep/a.md", True),  # gobwas: `*` matches `/` too
        ("*.{md,txt}", "a.txt", True),
        ("*.{md,txt}", "a.rst", False),
        ("docs/**/*.md", "docs/a.md", True),  # doublestar: `*` stays in a folder
        ("docs/**/*.md", "docs/x/y/a.md", True),
        ("docs/**/*.md", "blog/a.md", False),
        ("!content/b/*", "content/b/b.md", False),
        ("!content/b/*", "content/a.md", True),
        ("test.[mp]y", "test.py", True),
    ],
)
def test_section_globs_match_as_vale_matches(glob: str, path: str, hit: bool) -> None:
    assert ValeGlob(glob).match(path) is hit


def test_a_guide_extends_a_vale_project_with_path_filters(project: Path) -> None:
    guide = project / "brandlint.yaml"
    guide.write_text("name: site\nextends: [./.vale.ini]\n", encoding="utf-8")
    loaded = load_guide(guide)
    paths = {r.id: r.paths for r in loaded.rules}
    assert paths["Acme.Weasel"] == ("~notes/*.md",)
    assert paths["Acme.Hedge"] == ("~*.md",)
    assert paths["Docs.Simple"] == ("*.md",)
    assert paths["Vale.Avoid"] == ()
    assert "Vale.Spelling" not in paths  # switched off in [*]
    assert {r.id: str(r.level) for r in loaded.rules}["Acme.Weasel"] == "error"
    notes = [p.message for p in loaded.warnings if "through 'extends'" in p.message]
    assert [m.split(" ")[0] for m in notes] == ["TokenIgnores", "BlockIgnores", "mdx"]
    workspace = Workspace(Settings(guide=str(guide)))
    assert [r[0] for r in lint(workspace, "notes/d.md")] == ["Docs.Simple"]
    # Hedge is off for *.md only; Weasel is an error everywhere but notes/*.md
    assert [r[0] for r in lint(workspace, "b.txt")][:3] == [
        "Acme.Hedge",
        "Acme.Weasel",
        "Acme.Terms",
    ]
