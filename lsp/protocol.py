"""Requests whose params do not fit their method get an InvalidParams error, not silence.

pygls 2 turns each message into its lsprotocol type in `structure_message`, the decoder's
object hook. When params do not fit, it raises there, inside `json.loads`, before any
handler or message id is known; its read loop logs the error and the request is never
answered, so the client waits for ever. `BrandlintProtocol` overrides that public method:
a request whose params do not fit becomes a `Rejected` message, answered with
InvalidParams (-32602) and a description of what is wrong; a notification's is logged.

pygls logs a traceback for such params before it raises; while this module is handling
them (`_checking`), a filter on pygls's logger leaves that record out: the rejection is
logged here, in one line, instead.

The private pygls members used in the server are here: `_send_response`, the only way
pygls offers to send an error response to a request id outside a handler, and
`_converter` and `_send_data`, to send diagnostics the server keeps as JSON between edits
(`notify_json`) instead of converting hundreds of them again on every keystroke.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import cattrs
from pygls.exceptions import JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger(__name__)
_checking = threading.local()


class _HandledHere(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            getattr(_checking, "active", False)
            and str(record.msg).startswith("Unable to deserialize message")
        )


logging.getLogger("pygls.protocol.json_rpc").addFilter(_HandledHere())


@dataclass(frozen=True)
class Rejected:
    """A message whose params do not fit its method."""

    id: int | str | None
    method: str
    reason: str
    jsonrpc: str = "2.0"


class BrandlintProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        method = data.get("method")
        if not isinstance(method, str) or self.get_message_type(method) is None:
            return super().structure_message(data)  # a response, or a method we do not know
        _checking.active = True
        try:
            return super().structure_message(data)
        except Exception as exc:
            id = data.get("id")
            if isinstance(id, bool) or not isinstance(id, int | str):
                id = None  # a notification (or an id JSON-RPC does not allow): not answered
            return Rejected(id, method, _describe(exc))
        finally:
            _checking.active = False

    def to_json(self, value: Any) -> Any:
        """`value` (an lsprotocol object) as the JSON-ready data pygls would send."""
        return self._converter.unstructure(value)

    def notify_json(self, method: str, params: dict[str, Any]) -> None:
        """A notification whose params are JSON-ready data already: sent as they are."""
        self._send_data({"jsonrpc": self.VERSION, "method": method, "params": params})

    def handle_message(self, message: Any) -> None:
        if not isinstance(message, Rejected):
            super().handle_message(message)
        elif message.id is None:
            log.warning("invalid params in %s ignored: %s", message.method, message.reason)
        else:
            log.warning("invalid params in %s answered: %s", message.method, message.reason)
            error = JsonRpcInvalidParams(f"Invalid params for {message.method}: {message.reason}")
            self._send_response(message.id, error=error.to_response_error())


def _describe(exc: Exception) -> str:
    """What is wrong with the params, from cattrs' validation errors where it has them."""
    cause = exc.__cause__
    if isinstance(cause, cattrs.ClassValidationError):
        return "; ".join(cattrs.transform_error(cause))
    return str(cause or exc)
