"""Front matter: document settings (channel, lang) and copy fields (title, subject…).

Three kinds, as static site generators read them, at the very start of the file:

    ---            +++               {
    title: …       title = "…"         "title": "…"
    ---            +++               }
    YAML           TOML (Hugo, Zola)  JSON (Hugo)

Keys are never linted. The values of copy fields (top-level strings) are, each character at
its exact place in the file, block scalars (`|`, `>`) and escapes included.

The YAML and TOML parsers are imported when a file has such front matter: most copy has
none, and PyYAML's import alone is 10 ms of a one-line check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from brandlint.core.document import BlockDraft, Notice
from brandlint.core.limits import Limits, exceeds
from brandlint.document.yaml_copy import aligned_draft

if TYPE_CHECKING:
    import yaml

COPY_FIELDS = ("title", "description", "subject", "preheader", "summary", "excerpt", "headline")

_LINE = re.compile(r"([^\r\n]*)(\r\n?|\n|$)")
# what an anchor, an alias or a tag starts with; a tab, which libyaml reads where PyYAML
# refuses it; a byte order mark, which libyaml leaves out of its columns
_BOUNDED_ONLY = re.compile("[&*!\t\ufeff]")


@dataclass
class FrontMatter:
    """What a file's front matter gave: its settings (`meta`), its copy fields as blocks,
    where the body starts, and what could not be read."""

    meta: dict[str, Any] = field(default_factory=dict)
    blocks: list[BlockDraft] = field(default_factory=list)
    end: int = 0  # offset just after the closing fence; 0 when there is no front matter
    notices: list[Notice] = field(default_factory=list)


def _lines(source: str) -> Iterator[tuple[str, int, int]]:
    """Each line's text (without its break), its start and the start of the next line."""
    position = 0
    while position < len(source):
        found = _LINE.match(source, position)
        if found is None or found.end() == position:
            return
        yield found.group(1), position, found.end()
        position = found.end()


def split_front_matter(source: str) -> FrontMatter:
    if source.startswith("{"):
        return _json(source)
    lines = _lines(source)
    first = next(lines, None)
    if first is None or first[0].rstrip() not in ("---", "+++"):
        return FrontMatter()
    fence = first[0].rstrip()
    closers = ("+++",) if fence == "+++" else ("---", "...")
    body_start = first[2]
    for text, start, end in lines:
        if text.rstrip() in closers:
            if fence == "+++":
                return _toml(source, body_start, start, end)
            return _yaml(source, source[body_start:start], body_start, end)
    return FrontMatter()  # no closing fence: this is not front matter


def _invalid(result: FrontMatter, kind: str, what: str, offset: int) -> FrontMatter:
    result.notices.append(
        Notice(
            "brandlint.front-matter",
            f"Front matter is not valid {kind} ({what}); its settings were ignored.",
            offset,
            offset + 1,
            "error",
        )
    )
    return result


def _yaml(source: str, body: str, base: int, end: int) -> FrontMatter:
    import yaml

    from brandlint.core.located import YamlSyntaxError
    from brandlint.core.located_yaml import plain_value
    from brandlint.document.yaml_copy import scalar_draft

    result = FrontMatter(end=end)
    try:  # bounded: aliases, nesting, tags and size, as in guides
        root = _compose(body)
    except YamlSyntaxError as exc:
        what = exc.problem.message.removeprefix("YAML syntax: ")
        return _invalid(result, "YAML", what, base + exc.offset)
    if not isinstance(root, yaml.MappingNode):
        return result
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = str(key_node.value)
        value = plain_value(value_node)
        if key == "lang" and isinstance(value_node, yaml.ScalarNode):
            value = value_node.value  # a language tag is text: `lang: no` is Norwegian, not false
        result.meta[key] = value
        if key in COPY_FIELDS and isinstance(value_node, yaml.ScalarNode) and value:
            scopes = frozenset({"meta", f"meta.{key}"})
            result.blocks.append(scalar_draft(source, value_node, base, scopes))
    return result


def _compose(body: str) -> yaml.Node | None:
    """The node tree of YAML front matter, as `compose` gives it within its limits.

    PyYAML's own scanner is pure Python: it took over a quarter of the time spent reading
    a Hugo page. Where the bounds cannot be reached, libyaml (PyYAML's C parser) composes
    the same tree about five times faster: no anchor, alias or tag (no `&`, `*` or `!`
    anywhere), no tab or byte order mark, no `?` beside a flow collection (libyaml reads
    those otherwise: `[a?]` is one value to it, an error to PyYAML), fewer characters that
    can open a level of nesting (`[`, `{`, `-`, `?`, `:`) than the depth limit, and within
    the size limit. Anything else, and any front matter libyaml refuses, goes to the
    bounded loader, which also words the errors."""
    import yaml

    from brandlint.core.located_yaml import compose

    limits = Limits.from_environment()
    if (
        yaml.__with_libyaml__
        and not _BOUNDED_ONLY.search(body)
        and not ("?" in body and ("[" in body or "{" in body))
        and sum(body.count(mark) for mark in "[{-?:") < limits.yaml_depth
        and not exceeds(body, limits.yaml_bytes)
    ):
        try:
            return yaml.compose(body, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return compose(body, "front matter", limits)


# A top-level TOML key, bare or quoted, and the `=` after it
_TOML_KEY = re.compile(r"""^[ \t]*(?:([A-Za-z0-9_-]+)|"([^"\\]*)"|'([^']*)')[ \t]*=[ \t]*""", re.M)
_TOML_TABLE = re.compile(r"^[ \t]*\[", re.M)


def _toml(source: str, start: int, stop: int, end: int) -> FrontMatter:
    import tomllib

    result = FrontMatter(end=end)
    # TOML's line breaks are LF and CRLF: a CR-only file's read with LFs (same offsets)
    body = re.sub(r"\r(?!\n)", "\n", source[start:stop])
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = re.search(r"\(at line (\d+), column (\d+)\)", message)
        offset = stop
        if at:
            line_starts = [0, *(found.end() for found in re.finditer("\n", body))]
            line = min(int(at.group(1)), len(line_starts))
            offset = min(start + line_starts[line - 1] + int(at.group(2)) - 1, stop)
        return _invalid(result, "TOML", message.split(" (at ")[0], offset)
    result.meta.update(data)
    table = _TOML_TABLE.search(body)
    top = table.start() if table else len(body)
    past = 0  # the end of the last string read: a line inside it is not a key
    for key_found in _TOML_KEY.finditer(body, 0, top):
        if key_found.start() < past:
            continue
        key = next(g for g in key_found.groups() if g is not None)
        value = data.get(key)
        inner = _toml_string(body, key_found.end())
        if inner is None:
            continue
        past = inner[1]
        if key in COPY_FIELDS and isinstance(value, str) and value:
            scopes = frozenset({"meta", f"meta.{key}"})
            result.blocks.append(
                aligned_draft(source, start + inner[0], start + inner[1], value, scopes)
            )
    return result


def _toml_string(body: str, at: int) -> tuple[int, int] | None:
    """The inside of the TOML string literal starting at `at`, as (start, end)."""
    for quote in ('"""', "'''", '"', "'"):
        if not body.startswith(quote, at):
            continue
        position = at + len(quote)
        while position < len(body):
            if quote[0] == '"' and body[position] == "\\":
                position += 2
                continue
            if body.startswith(quote, position):
                # a multi-line string may end in up to two quotes of its own: `""""`
                while len(quote) == 3 and body.startswith(quote, position + 1):
                    position += 1
                return at + len(quote), position
            if len(quote) == 1 and body[position] in "\r\n":
                return None
            position += 1
        return None
    return None


def _json(source: str) -> FrontMatter:
    """Hugo's JSON front matter: one object at the start of the file, then the copy."""
    try:
        data, stop = json.JSONDecoder().raw_decode(source)
    except ValueError:
        return FrontMatter()
    except RecursionError:  # nested deeper than Python's stack: said, not a crash
        return _invalid(FrontMatter(), "JSON", "nested too deeply", 0)
    rest = _LINE.match(source, stop)
    if not isinstance(data, dict) or rest is None or rest.group(1).strip():
        return FrontMatter()
    result = FrontMatter(meta=dict(data), end=rest.end())
    for key, (start, end) in _json_strings(source, stop).items():
        value = data.get(key)
        if key in COPY_FIELDS and isinstance(value, str) and value:
            scopes = frozenset({"meta", f"meta.{key}"})
            result.blocks.append(aligned_draft(source, start, end, value, scopes))
    return result


def _json_strings(source: str, stop: int) -> dict[str, tuple[int, int]]:
    """The inside (start, end) of each top-level string value of the JSON object that
    opens `source` and ends at `stop`."""
    decoder = json.JSONDecoder()
    found: dict[str, tuple[int, int]] = {}

    def skip(position: int, mark: str = "") -> int:
        while position < stop and source[position] in " \t\r\n":
            position += 1
        if mark and source.startswith(mark, position):
            return skip(position + 1)
        return position

    position = skip(1)
    while position < stop and source[position] == '"':  # the object parsed whole before
        key, position = decoder.raw_decode(source, position)
        value_start = position = skip(position, ":")
        _, position = decoder.raw_decode(source, position)
        if source[value_start] == '"':
            found[str(key)] = (value_start + 1, position - 1)
        position = skip(position, ",")
    return found
