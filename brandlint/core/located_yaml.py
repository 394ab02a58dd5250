"""YAML that remembers where every value came from.

Guides are written by copywriters; an error must point at the line and column to change.
PyYAML's composer gives node marks, so we build plain Python values from the node tree and
keep a side table of positions keyed by the path to each value.

Booleans follow YAML 1.2: only `true`/`false` are booleans. `off`, `no` and `on` stay
strings, so `rule.id: off` and `lang: no` mean what their authors meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from brandlint.core.errors import Problem

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class LocatedYaml:
    """A parsed YAML file plus the 1-based (line, column) of each value and mapping key."""

    path: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # warnings about YAML read leniently (what Go's parser accepts for Vale's styles)
    notes: tuple[Problem, ...] = ()

    def where(self, at: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of the value (or key) at `at`, falling back to the nearest ancestor."""
        table = self.key_positions if key else self.positions
        probe = tuple(at)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(
        self, at: Path, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        line, column = self.where(at, key=key)
        return Problem(self.path, line, column, message, severity)


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


_SCALARS = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
        return node.value
    return _SCALARS.construct_object(node, deep=True)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_LENIENT_FIXES = 100


def load_located_yaml(text: str, path: str, *, lenient: bool = False) -> LocatedYaml:
    """Parse `text`; raise YamlSyntaxError with the position of the first syntax error.

    `lenient` reads Vale rule files as Vale's Go parser does: a backslash before a character
    YAML does not define as an escape (`"\\."` in a double-quoted regex) is kept as a
    backslash instead of failing the file, with a warning at its place."""
    notes: list[Problem] = []
    for _ in range(_LENIENT_FIXES):
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
            break
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            unknown = (exc.problem or "").startswith("found unknown escape character")
            if not (lenient and unknown and mark and text[mark.index - 1 : mark.index] == "\\"):
                _raise_syntax(exc, path)
                raise  # pragma: no cover - _raise_syntax always raises
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
    if duplicates:
        raise YamlSyntaxError(duplicates[0])
    return LocatedYaml(path, data, doc.positions, doc.key_positions, doc.notes)


def _raise_syntax(exc: yaml.MarkedYAMLError, path: str) -> None:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "invalid YAML"
    raise YamlSyntaxError(
        Problem(path, line, column, f"YAML syntax: {what}; check indentation and quoting")
    ) from None


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
                duplicates.append(
                    Problem(doc.path, line, column, f"key {key!r} appears twice; keep one")
                )
            doc.key_positions[(*at, key)] = _mark(key_node)
            out[key] = _build(value_node, (*at, key), doc, duplicates)
        return out
    return None
