"""brandlint's language server (pygls 2): diagnostics, quick fixes and hovers in the editor.

A thin shell over `brandlint.workspace`: it turns LSP messages into lint calls and alerts
into diagnostics, in the position encoding the client negotiated.
"""
