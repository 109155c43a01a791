"""One way to run work off the GUI thread: ``run(fn, on_done)``.

The callback is delivered on the GUI thread. Each caller passes a *channel*
name; a newer request on the same channel makes older results stale, and a
stale result is dropped, never shown (typing 张 then 张伟 must end on 张伟).
Tests switch ``SYNCHRONOUS`` on to run everything inline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import LiangxinError

SYNCHRONOUS = False


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, deliver: Callable[[Any, Any], None]) -> None:
        super().__init__()
        self.fn, self.relay, self.deliver = fn, relay, deliver

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # delivered to the GUI thread, shown there
            result, error = None, exc
        # RuntimeError: the window that asked has been closed, there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            self.relay.finished.emit(self.deliver, result, error)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation: dict[str, int] = {}
        self._relay = _Relay(self)
        self._relay.finished.connect(lambda deliver, result, error: deliver(result, error))
        self.pool = QThreadPool.globalInstance()

    def run(
        self,
        channel: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        generation = self._generation.get(channel, 0) + 1
        self._generation[channel] = generation

        def deliver(result: Any, error: Exception | None) -> None:
            if self._generation.get(channel) != generation:
                return  # a newer request on this channel has been made
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
            elif not isinstance(error, LiangxinError):
                raise error

        if SYNCHRONOUS:
            try:
                deliver(fn(), None)
            except Exception as exc:
                deliver(None, exc)
            return
        self.pool.start(_Job(fn, self._relay, deliver))
