"""JUnit XML: one test case per checked file, failing with its alerts (for CI test tabs)."""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree

from brandlint.core.alerts import Alert
from brandlint.reporters import Report


def report(found: Report, out: TextIO) -> None:
    by_path: dict[str, list[Alert]] = defaultdict(list)
    for alert in found.alerts:
        by_path[alert.path].append(alert)
    paths = list(dict.fromkeys([*found.checked, *by_path]))
    failures = sum(1 for p in paths if by_path[p])
    suites = ElementTree.Element(
        "testsuites", name="brandlint", tests=str(len(paths)), failures=str(failures)
    )
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="brandlint",
        tests=str(len(paths)),
        failures=str(failures),
        errors="0",
    )
    for path in paths:
        case = ElementTree.SubElement(suite, "testcase", classname="brandlint", name=path)
        alerts = by_path[path]
        if alerts:
            failure = ElementTree.SubElement(
                case,
                "failure",
                type="brandlint",
                message=f"{len(alerts)} alert{'s' if len(alerts) != 1 else ''}",
            )
            failure.text = "\n".join(
                f"{a.path}:{a.span.line}:{a.span.column}: {a.level} {a.rule} {a.message}"
                for a in alerts
            )
    ElementTree.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(suites, encoding="unicode"))
    out.write("\n")
