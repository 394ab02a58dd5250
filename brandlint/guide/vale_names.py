"""What names a Vale configuration: asked for every folder a run walks, so kept apart from
`brandlint.guide.vale_ini`, whose loader (PyYAML for the styles' rule files, zipfile for
packages) is imported only when a project has one."""

from __future__ import annotations

from pathlib import Path

# Vale's configuration file names, in the order it tries them in each folder
VALE_CONFIG_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")
CONFIG_ENV = "VALE_CONFIG_PATH"


def is_vale_config(path: str | Path) -> bool:
    """Whether `path` names a Vale configuration file (by its name)."""
    name = Path(path).name
    return name in VALE_CONFIG_NAMES or name.lower().endswith(".ini")
