"""brandlint's language server (pygls 2): diagnostics, quick fixes and hovers in the editor.

Installed as `brandlint.lsp` (the build maps this folder into the package). A thin shell
over `brandlint.workspace`: it turns LSP messages into engine calls and alerts into
diagnostics, in the position encoding the client negotiated.
"""
