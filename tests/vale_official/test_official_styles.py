"""The official Vale styles load clean, and none of their rules is silently dead (issue 12).

Each style is loaded as a Vale user loads it: a `.vale.ini` whose `StylesPath` holds the
style and whose `[*]` section names it in `BasedOnStyles`, run through `Workspace`, the API
`brandlint check` uses. It must load with no error and no warning (none of these styles
uses what docs/vale.md lists as unsupported, such as `script` rules), with every rule file
compiled. It then lints the Markdown pages of the real corpus (tests/data/real_copy, 314
pages, licences in each source's SOURCE.md) once, and records which rules fired. A rule
that fires nowhere there must fire on its trigger in triggers/STYLE.yml: a sentence written
from the rule's own definition, with the words Vale would flag marked `⟦…⟧`. So a rule that
loads but can never fire (a scope, key or regex brandlint gets wrong) fails here.

The styles are the official packages at their repositories' heads, copied under
tests/data/vale_official/ (commit and licence in each SOURCE.md). Readability is not among
the snapshots that can be fetched here; its copy in Vale's own test suite (the same rules,
one message aside: see tests/fixtures/vale_styles/Readability/SOURCE.md) stands in for it.
"""

from __future__ import annotations

import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from brandlint import Settings, Workspace
from brandlint.nlp.pipelines import Pipelines

HERE = Path(__file__).parent
TESTS = HERE.parent
CORPUS = TESTS / "data" / "real_copy"
TRIGGERS = HERE / "triggers"
OFFICIAL = TESTS / "data" / "vale_official"
STYLES_PATHS = {
    "Microsoft": OFFICIAL,
    "Google": OFFICIAL,
    "write-good": OFFICIAL,
    "proselint": OFFICIAL,
    "alex": OFFICIAL,
    "Joblint": OFFICIAL,
    "Readability": TESTS / "fixtures" / "vale_styles",
}
OPEN, CLOSE = "⟦", "⟧"


def corpus_pages() -> list[Path]:
    """The corpus's Markdown pages (not the notices at the top of each source)."""
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.suffix in (".md", ".markdown") and len(p.relative_to(CORPUS).parts) > 2
    )


def rule_files(style: str) -> dict[str, dict[str, Any]]:
    """Each rule of the style by its id, as its YAML file defines it."""
    folder = STYLES_PATHS[style] / style
    return {
        f"{style}.{path.stem}": yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.yml"))
    }


def triggers(style: str) -> dict[str, str]:
    """The trigger text of each rule the corpus does not fire, by rule id."""
    path = TRIGGERS / f"{style}.yml"
    if not path.is_file():
        return {}
    found = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {f"{style}.{rule}": text for rule, text in found.items()}


@dataclass
class Style:
    """One official style as a user runs it, with what it flagged on the corpus."""

    name: str
    workspace: Workspace
    page: Path  # a page beside the .vale.ini: text linted as this path gets the style
    fired: Counter[str] = field(default_factory=Counter)

    def lint_corpus(self) -> None:
        for path in corpus_pages():
            self.fired.update(alert.rule for alert in self.workspace.lint_file(path))


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Style]:
    """Each style loaded, and the corpus linted with it, once for the whole module; the
    styles share one set of spaCy pipelines."""
    pipelines = Pipelines()
    loaded: dict[str, Style] = {}

    def style(name: str) -> Style:
        if name not in loaded:
            root = tmp_path_factory.mktemp(name)
            ini = root / ".vale.ini"
            ini.write_text(
                f"StylesPath = {STYLES_PATHS[name]}\nMinAlertLevel = suggestion\n\n"
                f"[*]\nBasedOnStyles = {name}\n",
                encoding="utf-8",
            )
            workspace = Workspace(Settings(vale_config=str(ini)), pipelines=pipelines)
            loaded[name] = Style(name, workspace, root / "page.md")
            loaded[name].lint_corpus()
        return loaded[name]

    return style


def test_corpus_has_enough_markdown_pages() -> None:
    assert len(corpus_pages()) >= 300


@pytest.mark.parametrize("name", list(STYLES_PATHS))
def test_style_loads_every_rule_with_no_error_or_warning(
    official: Callable[[str], Style], name: str
) -> None:
    style = official(name)
    guide = style.workspace.linter_for(style.page).guide
    assert [str(w) for w in guide.warnings] == []
    assert guide.skipped == ()
    compiled = {rule.id for rule in guide.compiled if rule.id.startswith(f"{name}.")}
    assert compiled == set(rule_files(name))


@pytest.mark.parametrize("name", list(STYLES_PATHS))
def test_every_rule_fires_on_the_corpus_or_on_its_trigger(
    official: Callable[[str], Style], name: str
) -> None:
    """A rule silent on the whole corpus needs a trigger (the next test fires it); a
    trigger names a rule the style has. Every alert on the corpus is the style's own: no
    page is unreadable and no pattern times out."""
    style = official(name)
    rules = set(rule_files(name))
    assert set(style.fired) - rules == set()
    silent = rules - set(style.fired)
    assert silent - set(triggers(name)) == set()
    assert set(triggers(name)) - rules == set()


PLAIN = re.compile(r"[A-Za-z][A-Za-z' -]*[A-Za-z]")  # a word or phrase, no regex syntax
COPY_SCOPES = (None, "text", "paragraph", "sentence")  # where a line of prose is linted


def searched_words(
    name: str, scopes: tuple[str | None, ...]
) -> list[tuple[str, dict[str, Any], list[str]]]:
    """(rule id, definition, its tokens or swap keys) of each existence or substitution
    rule of the style that searches copy in `scopes` with them (not with `raw`)."""
    found = []
    for rule, definition in rule_files(name).items():
        if definition.get("scope") not in scopes or definition.get("raw"):
            continue
        if definition["extends"] == "existence":
            found.append((rule, definition, [str(t) for t in definition.get("tokens") or ()]))
        elif definition["extends"] == "substitution":
            found.append((rule, definition, [str(k) for k in definition.get("swap") or {}]))
    return found


def plain_phrases(name: str) -> list[tuple[str, str]]:
    """(rule id, phrase) for each plain word or phrase a rule of the style looks for in
    prose."""
    return [
        (rule, pattern)
        for rule, _, patterns in searched_words(name, COPY_SCOPES)
        for pattern in patterns
        if PLAIN.fullmatch(pattern)
    ]


@pytest.mark.parametrize("name", [n for n in STYLES_PATHS if n != "Readability"])
def test_every_plain_phrase_of_a_rule_is_flagged_as_vale_flags_it(
    official: Callable[[str], Style], name: str
) -> None:
    """A rule fires, but does each of its words? One paragraph per plain token or swap key
    (write-good has 946, alex 2,231): each must be flagged by its rule, and exactly where
    Vale's alternation of the rule flags it (an earlier token may win: write-good's
    TooWordy flags "by virtue of" in "by virtue of the fact that")."""
    style = official(name)
    rules = rule_files(name)
    phrases = plain_phrases(name)
    lines = [f"We noted {phrase} here." for _, phrase in phrases]
    flagged: dict[tuple[str, int], set[tuple[int, str]]] = defaultdict(set)
    for a in style.workspace.lint_text("\n\n".join(lines), path=str(style.page)):
        flagged[a.rule, a.span.line].add((a.span.column, a.match))
    wrong = []
    for number, ((rule, phrase), line) in enumerate(zip(phrases, lines, strict=True)):
        expected = vale_matches(rules[rule], line)
        if not expected or flagged[rule, 2 * number + 1] != expected:
            wrong.append((rule, phrase, flagged[rule, 2 * number + 1], expected))
    assert phrases
    assert wrong == []


# what generated words are made of, besides the letters of the tokens themselves: no
# newline, and nothing that Markdown reads as markup (`*`, `_`, `[`, `<`, `&`, …)
WORD_CHARACTERS = string.ascii_letters + string.digits + " -./,:;'\"‘’“”–—"
WHOLE_LINE_SCOPES = (None, "text", "paragraph")  # one line of copy is one unit to search
# hypothesis meets a lookaround by drawing until it holds; "it's(?=\\.)" whole never does
LOOKAROUND = re.compile(r"\(\?<?[=!]")


def regex_tokens(name: str) -> list[tuple[str, dict[str, Any], st.SearchStrategy[str]]]:
    """(rule id, definition, words matching it) for each token or swap key of an existence
    or substitution rule that is a regex (the plain ones are the previous test's), unless
    Python's re cannot read it, it looks around, or its words need markup characters."""
    found = []
    for rule, definition, patterns in searched_words(name, WHOLE_LINE_SCOPES):
        letters = {c for pattern in patterns for c in pattern if c.isalpha()}
        alphabet = st.sampled_from(sorted(set(WORD_CHARACTERS) | letters))
        for pattern in patterns:
            if PLAIN.fullmatch(pattern) or LOOKAROUND.search(pattern):
                continue
            try:
                words = st.from_regex(pattern, fullmatch=True, alphabet=alphabet)
                words.validate()
            except (re.error, InvalidArgument):
                continue
            found.append((rule, definition, words))
    return found


def vale_matches(definition: dict[str, Any], line: str) -> set[tuple[int, str]]:
    """(column, words) of each alert Vale gives on `line`, from the rule's definition as
    Vale v3.7.1 reads it (internal/check): the tokens joined into one alternation (a
    substitution's keys longest first, one group each) in `\\b(?:…)\\b` unless `nonword`,
    with `(?i)` for `ignorecase`; a substitution skips words its replacement matches whole
    (`matchToken`)."""
    swap = {str(k): str(v) for k, v in (definition.get("swap") or {}).items()}
    keys = sorted(swap, key=len, reverse=True)
    if definition["extends"] == "substitution":
        # a key's own groups made non-capturing (convertCaptureGroups)
        alternation = "|".join("(" + regex.sub(r"(?<!\\)\((?!\?)", "(?:", k) + ")" for k in keys)
    else:
        alternation = "|".join(str(t) for t in definition["tokens"])
    template = r"(?m)(?:%s)" if definition.get("nonword") else r"(?m)\b(?:%s)\b"
    flags = "(?i)" if definition.get("ignorecase") else ""
    found = set()
    for match in regex.finditer(flags + template % alternation, line):
        words = match.group().strip()
        if not words:
            continue
        if definition["extends"] == "substitution":
            expected = swap[keys[match.lastindex - 1]] if match.lastindex else ""
            plain = all(c.isalnum() or c in " -" for c in expected)
            if words == expected or (
                not plain and regex.fullmatch(f"(?:{expected})", words) is not None
            ):
                continue
        found.add((match.start() + 1, match.group()))
    return found


@pytest.mark.parametrize("name", [n for n in STYLES_PATHS if n != "Readability"])
def test_regex_tokens_flag_what_vales_alternation_flags(
    official: Callable[[str], Style], name: str
) -> None:
    """Each regex token or swap key, on words written to match it (hypothesis draws them),
    gives the alerts Vale's own alternation of the rule gives on the same line."""
    style = official(name)
    tokens = regex_tokens(name)

    @settings(
        max_examples=5,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def same_alerts(data: st.DataObject) -> None:
        lines = []
        for _, _, words in tokens:
            lines.append(f"We noted {data.draw(words).strip()} here.")
        alerts = style.workspace.lint_text("\n\n".join(lines), path=str(style.page))
        for number, ((rule, definition, _), line) in enumerate(zip(tokens, lines, strict=True)):
            flagged = {
                (a.span.column, a.match)
                for a in alerts
                if a.rule == rule and a.span.line == 2 * number + 1
            }
            assert (rule, line, flagged) == (rule, line, vale_matches(definition, line))

    assert tokens
    same_alerts()


def located(text: str) -> tuple[str, int, int, int, int]:
    """The trigger without its marks, and the 1-based line and column of the marked
    words' start and end (end exclusive)."""
    start = text.index(OPEN)
    end = text.index(CLOSE) - len(OPEN)
    plain = text.replace(OPEN, "").replace(CLOSE, "")

    def line_column(offset: int) -> tuple[int, int]:
        line = plain.count("\n", 0, offset) + 1
        return line, offset - (plain.rfind("\n", 0, offset) + 1) + 1

    return (plain, *line_column(start), *line_column(end))


TRIGGERED = [(name, rule) for name in STYLES_PATHS for rule in triggers(name)]


@pytest.mark.parametrize(("name", "rule"), TRIGGERED, ids=[r for _, r in TRIGGERED])
def test_trigger_fires_its_rule_at_the_marked_words(
    official: Callable[[str], Style], name: str, rule: str
) -> None:
    style = official(name)
    text = triggers(name)[rule]
    plain, line, column, end_line, end_column = located(text)
    match = plain[text.index(OPEN) : text.index(CLOSE) - len(OPEN)]
    definition = rule_files(name)[rule]  # with no `level`, Vale's is "warning"
    alerts = [a for a in style.workspace.lint_text(plain, path=str(style.page)) if a.rule == rule]
    assert [
        (a.span.line, a.span.column, a.span.end_line, a.span.end_column, a.match, str(a.level))
        for a in alerts
    ] == [(line, column, end_line, end_column, match, definition.get("level", "warning"))]
    message = alerts[0].message
    if definition["extends"] == "substitution":
        # the replacement fills the first %s; test_substitution_lists_choices_as_vale_does
        # pins the wording of several choices
        choices = swap_choices(definition, match)
        assert alerts[0].replacements == choices
        assert "%s" not in message and all(f"'{c}'" in message for c in choices)
    else:
        assert message == str(definition["message"]).replace("%s", match)


def swap_choices(definition: dict[str, Any], words: str) -> tuple[str, ...]:
    """The choices of the substitution's swap whose key matches `words` whole."""
    swap = definition["swap"]
    assert isinstance(swap, dict)
    flags = regex.IGNORECASE if definition.get("ignorecase") else 0
    (value,) = [v for k, v in swap.items() if regex.fullmatch(str(k), words, flags)]
    return tuple(choice.strip() for choice in str(value).split("|"))


def test_substitution_lists_choices_as_vale_does(official: Callable[[str], Style]) -> None:
    """Vale's `ToSentence`: from three choices on, "'a', 'b', or 'c'" (alex.OCD has five)."""
    style = official("alex")
    text = "Sorry, I am a bit OCD about trailing spaces."
    alerts = [
        a for a in style.workspace.lint_text(text, path=str(style.page)) if a.rule == "alex.OCD"
    ]
    choices = ("has an anxiety disorder", "obsessive", "pedantic", "niggly", "picky")
    assert [(a.span.column, a.match, a.message, a.replacements) for a in alerts] == [
        (
            19,
            "OCD",
            "When referring to a person, consider using 'has an anxiety disorder', "
            "'obsessive', 'pedantic', 'niggly', or 'picky' instead of 'OCD'.",
            choices,
        )
    ]


def test_existence_matches_never_overlap_as_in_vales_alternation(
    official: Callable[[str], Style],
) -> None:
    """Microsoft.We lists `we` before `we'(?:ve|re)`: Vale's one alternation flags "we" in
    "we've" once, and never "we've" over it as well."""
    style = official("Microsoft")
    text = "I think we've done it, and we're glad."
    alerts = [
        a for a in style.workspace.lint_text(text, path=str(style.page)) if a.rule == "Microsoft.We"
    ]
    assert [(a.span.column, a.span.end_column, a.match, a.message) for a in alerts] == [
        (9, 11, "we", "Try to avoid using first-person plural like 'we'."),
        (28, 30, "we", "Try to avoid using first-person plural like 'we'."),
    ]
