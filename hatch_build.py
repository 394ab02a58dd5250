"""Build hook: in an editable install, `brandlint.lsp` is the checkout's `lsp/` folder.

A wheel gets `lsp/` as `brandlint/lsp` through the wheel target's `sources` option. Hatchling
cannot carry that rewrite into an editable install (a rewrite that adds a prefix stops dev
mode: "Dev mode installations are unsupported when any path rewrite in the `sources` option
changes a prefix rather than removes it"), and files it force-includes there are copies,
under a `brandlint/` folder that the checkout's own package hides. So the editable wheel
(`dev-mode-dirs` puts the checkout on `sys.path`) carries a small import finder instead,
through the `force_include_editable` build data: `brandlint.lsp` loads from `lsp/`, and its
modules with it, so edits there take effect without installing again.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "_brandlint_editable_lsp"
FINDER = '''\
"""brandlint, installed in editable mode: `brandlint.lsp` is {folder!r}."""

import importlib.util
import sys
from importlib.abc import MetaPathFinder


class LspFinder(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != "brandlint.lsp":
            return None
        return importlib.util.spec_from_file_location(
            name, {init!r}, submodule_search_locations=[{folder!r}]
        )


sys.meta_path.append(LspFinder())
'''


class EditableLspHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "editable":
            return
        folder = os.path.join(self.root, "lsp")
        self._generated = tempfile.TemporaryDirectory()
        finder = os.path.join(self._generated.name, f"{MODULE}.py")
        pth = os.path.join(self._generated.name, f"{MODULE}.pth")
        with open(finder, "w", encoding="utf-8") as out:
            out.write(FINDER.format(folder=folder, init=os.path.join(folder, "__init__.py")))
        with open(pth, "w", encoding="utf-8") as out:
            out.write(f"import {MODULE}\n")
        # Replaces `force-include` for the editable wheel: the checkout's rule packs are
        # read in place (brandlint.packs), so nothing else needs copying.
        build_data["force_include_editable"] = {finder: f"{MODULE}.py", pth: f"{MODULE}.pth"}

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version == "editable":
            self._generated.cleanup()
