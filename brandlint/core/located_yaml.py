"""YAML that remembers where every value came from.

Guides are written by copywriters; an error must point at the line and column to change.
PyYAML's composer gives node marks, so we build plain Python values from the node tree and
keep a side table of positions keyed by the path to each value.

Booleans follow YAML 1.2: only `true`/`false` are booleans. `off`, `no` and `on` stay
strings, so `rule.id: off` and `lang: no` mean what their authors meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, NamedTuple

import yaml

from brandlint.core.errors import Problem
from brandlint.core.limits import Limits, exceeds, variable
from brandlint.core.located import LocatedYaml, Path, YamlSyntaxError

_SCALARS = yaml.constructor.SafeConstructor()
# Tags a value may carry: YAML's plain types. Anything else (`!!python/object`, `!Ref`,
# `!!binary`, `!!set`) is refused rather than guessed at.
_STANDARD = "tag:yaml.org,2002:"
_KNOWN_TAGS = frozenset(
    f"{_STANDARD}{name}"
    for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map", "merge", "value")
)
# a merge key (`<<`) and a lone `=` resolve to tags no safe constructor builds: both are
# read as the text they are
_AS_TEXT = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
        return node.value
    if node.tag in _AS_TEXT:
        return node.value
    try:
        return _SCALARS.construct_object(node, deep=True)
    finally:
        # PyYAML remembers every node it constructs until its next whole document: this
        # constructor never builds one, so it would hold every scalar (and its marks) of
        # every front matter read, for as long as an audit worker lives
        _SCALARS.constructed_objects.clear()


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Reference(NamedTuple):
    """Where an alias (`*name`) is used: the mark of its `*`, and its name."""

    mark: yaml.Mark
    anchor: str


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe composer, nesting bounded (its composer recurses, so a deep file
    would otherwise end in RecursionError), remembering where each alias is used: the
    node tree only holds the anchored node, and an error must point at the alias."""

    def __init__(self, text: str, max_depth: int) -> None:
        super().__init__(text)
        self.max_depth = max_depth
        self.depth = 0
        self.references: dict[tuple[int, int], _Reference] = {}

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            key = (id(parent), index if isinstance(index, int) else id(index))
            self.references[key] = _Reference(event.start_mark, str(event.anchor))
            return super().compose_node(parent, index)
        self.depth += 1
        try:
            if self.depth > self.max_depth:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def compose(text: str, path: str, limits: Limits | None = None) -> yaml.Node | None:
    """The YAML node tree of `text` (None when it holds no document), safe to walk:
    within the size limit, nested at most `yaml_depth` deep, no alias that contains
    itself, aliases adding at most `yaml_alias_nodes` values, no tag but YAML's plain
    types. Raises YamlSyntaxError naming the place (and the limit to raise)."""
    try:
        return _compose(text, path, limits)
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc, path) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Problem(path, 1, 1, f"YAML syntax: {exc}")) from None


def _compose(text: str, path: str, limits: Limits | None) -> yaml.Node | None:
    """`compose`, letting PyYAML's own errors through (the lenient reader retries some)."""
    limits = limits or Limits.from_environment()
    if exceeds(text, limits.yaml_bytes):
        raise YamlSyntaxError(
            Problem(
                path,
                1,
                1,
                f"this YAML file is over {limits.yaml_bytes:,} bytes, brandlint's limit; "
                f"split it, or raise {variable('yaml_bytes')}",
            )
        )
    loader = _BoundedLoader(text, limits.yaml_depth)
    try:
        root = loader.get_single_node()
    except _TooDeep as exc:
        raise _error(path, exc.mark, _too_deep(limits)) from None
    finally:
        loader.dispose()
    if root is not None:
        _check_tree(root, loader.references, limits, path)
    return root


def _error(path: str, mark: yaml.Mark, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(Problem(path, mark.line + 1, mark.column + 1, message), mark.index)


def _children(
    node: yaml.Node, references: dict[tuple[int, int], _Reference]
) -> Iterator[tuple[yaml.Node, _Reference | None]]:
    """Each child of `node`, with the alias it is reached through (None: written here)."""
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield item, references.get((id(node), index))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key, references.get((id(node), id(None)))
            yield value, references.get((id(node), id(key)))


def _check_tree(
    root: yaml.Node, references: dict[tuple[int, int], _Reference], limits: Limits, path: str
) -> None:
    """Refuse unknown tags, recursive aliases, aliases that nest the document past the
    depth limit, and aliases that expand it past the alias budget (values beyond those
    written). Each node is visited once (sizes memoized) and without recursion, so a
    billion laughs costs no more than its text."""
    sizes: dict[int, tuple[int, int]] = {}  # node → (values, levels) once expanded
    open_nodes = {id(root)}
    # each frame: a node, its children still to see, [values, levels] so far
    stack = [(root, _children(root, references), [1, 1])]
    written = 1
    _check_tag(root, path)
    while stack:
        node, children, total = stack[-1]
        for child, reference in children:
            if id(child) in open_nodes:
                mark = reference.mark if reference else child.start_mark
                name = f"'*{reference.anchor}' " if reference else ""
                raise _error(
                    path,
                    mark,
                    f"YAML alias {name}repeats a value that holds the alias itself "
                    "(a recursive alias); write the value out instead",
                )
            if id(child) in sizes:
                values, levels = sizes[id(child)]
                total[0] += values
                total[1] = max(total[1], levels + 1)
                continue
            written += 1
            _check_tag(child, path)
            open_nodes.add(id(child))
            stack.append((child, _children(child, references), [1, 1]))
            break
        else:
            stack.pop()
            open_nodes.discard(id(node))
            sizes[id(node)] = (total[0], total[1])
            if total[1] > limits.yaml_depth:
                raise _error(path, node.start_mark, _too_deep(limits, aliases=True))
            if stack:
                parent = stack[-1][2]
                parent[0] += total[0]
                parent[1] = max(parent[1], total[1] + 1)
    ceiling = written + limits.yaml_alias_nodes
    if sizes[id(root)][0] > ceiling:
        counts = {key: size[0] for key, size in sizes.items()}
        mark = _first_over(root, references, counts, ceiling)
        raise _error(path, mark, _bomb(limits.yaml_alias_nodes))


def _too_deep(limits: Limits, *, aliases: bool = False) -> str:
    through = " through its aliases" if aliases else ""
    return (
        f"YAML nested over {limits.yaml_depth} levels deep{through}; flatten it, or raise "
        f"{variable('yaml_depth')}"
    )


def _bomb(budget: int) -> str:
    return (
        f"YAML aliases here repeat over {budget:,} values (an alias bomb); write fewer "
        f"aliases, or raise {variable('yaml_alias_nodes')}"
    )


def _first_over(
    root: yaml.Node,
    references: dict[tuple[int, int], _Reference],
    sizes: dict[int, int],
    ceiling: int,
) -> yaml.Mark:
    """Where the expansion goes over `ceiling`: the alias, in the innermost value over it,
    whose copy takes that value over."""
    node = root
    while True:
        running = 1
        for child, reference in _children(node, references):
            running += sizes.get(id(child), 1)
            if sizes.get(id(child), 1) > ceiling:
                node = child
                break
            if running > ceiling:
                return reference.mark if reference else child.start_mark
        else:
            return node.start_mark


def _check_tag(node: yaml.Node, path: str) -> None:
    if node.tag not in _KNOWN_TAGS:
        raise _error(
            path,
            node.start_mark,
            f"unknown YAML tag '{node.tag.replace(_STANDARD, '!!')}'; remove it (brandlint "
            "reads plain YAML: text, numbers, true/false, lists and mappings)",
        )


def plain_value(node: yaml.Node) -> Any:
    """The Python value of a node from `compose` (aliases expanded, within its bound)."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [plain_value(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(plain_value(key)): plain_value(value) for key, value in node.value}
    return None


_LENIENT_FIXES = 100
# a key written twice in a Vale rule file: yaml.v2's Unmarshal (what Vale reads styles
# with) sets each pair in turn, so the last value stays
_LAST_WINS = "the last value is used, as in Vale (keep one)"


def load_located_yaml(
    text: str, path: str, *, lenient: bool = False, limits: Limits | None = None
) -> LocatedYaml:
    """Parse `text` within `limits` (see `compose`); raise YamlSyntaxError with the
    position of the first error.

    `lenient` reads Vale rule files as Vale's Go parser does: a backslash before a
    character YAML does not define as an escape (`"\\."` in a double-quoted regex) is kept
    as a backslash instead of failing the file, and a key written twice in one mapping
    keeps its last value (proselint's swap maps repeat keys); each is a warning at its
    place. Guides keep both as errors."""
    notes: list[Problem] = []
    for _ in range(_LENIENT_FIXES):
        try:
            root = _compose(text, path, limits)
            break
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            unknown = (exc.problem or "").startswith("found unknown escape character")
            if not (lenient and unknown and mark and text[mark.index - 1 : mark.index] == "\\"):
                raise _syntax(exc, path) from None
            earlier = sum(1 for note in notes if note.line == mark.line + 1)  # shifted it
            notes.append(
                Problem(
                    path,
                    mark.line + 1,
                    mark.column - earlier,
                    f"YAML: '\\{text[mark.index]}' is not a YAML escape; read as a backslash "
                    f"and '{text[mark.index]}' as Vale does (write '\\\\{text[mark.index]}' "
                    "or use single quotes)",
                    "warning",
                )
            )
            text = text[: mark.index] + "\\" + text[mark.index :]
        except yaml.YAMLError as exc:
            raise YamlSyntaxError(Problem(path, 1, 1, f"YAML syntax: {exc}")) from None
    else:
        raise YamlSyntaxError(Problem(path, 1, 1, "YAML syntax: too many invalid escapes"))
    doc = LocatedYaml(path, None, notes=tuple(notes))
    if root is None:
        return doc
    duplicates: list[Problem] = []
    data = _build(root, (), doc, duplicates)
    if duplicates and not lenient:
        raise YamlSyntaxError(replace(duplicates[0], message=duplicates[0].message + "keep one"))
    notes.extend(
        replace(found, severity="warning", message=found.message + _LAST_WINS)
        for found in duplicates
    )
    return LocatedYaml(path, data, doc.positions, doc.key_positions, tuple(notes))


def _syntax(exc: yaml.MarkedYAMLError, path: str) -> YamlSyntaxError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "invalid YAML"
    return YamlSyntaxError(
        Problem(path, line, column, f"YAML syntax: {what}; check indentation and quoting"),
        mark.index if mark else 0,
    )


def _build(node: yaml.Node, at: Path, doc: LocatedYaml, duplicates: list[Problem]) -> Any:
    doc.positions[at] = _mark(node)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*at, i), doc, duplicates) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_value = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            key = str(key_value)
            if key in out:
                line, column = _mark(key_node)
                duplicates.append(Problem(doc.path, line, column, f"key {key!r} appears twice; "))
            doc.key_positions[(*at, key)] = _mark(key_node)
            out[key] = _build(value_node, (*at, key), doc, duplicates)
        return out
    return None
