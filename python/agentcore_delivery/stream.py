"""One attached WebSocket: a single writer task sends its frames in order, paced when asked."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Protocol

from .pacing import Pacer
from .frames import ProtocolError

logger = logging.getLogger("agentcore_delivery")


class WebSocketLike(Protocol):
    """What the helper needs of a WebSocket (Starlette's ``WebSocket`` has it)."""

    async def receive_text(self) -> str: ...

    async def send_text(self, data: str) -> None: ...

    async def close(self, code: int = 1000) -> None: ...


class Stream:
    """A WebSocket attached to a session, with its outgoing queue.

    ``stopped`` is set when the stream is retired (replaced by a newer one) or its writer
    failed: the receive loop serving it then ends.
    """

    def __init__(
        self,
        websocket: Any,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self.websocket = websocket
        self.stopped = asyncio.Event()
        self.retired = False
        self._queue: asyncio.Queue[tuple[str, bool]] = asyncio.Queue()
        self._pacer = Pacer(clock, sleep)
        self._writer: asyncio.Task[None] | None = None

    def enqueue(self, frame: str) -> None:
        """Queues a frame to send after every frame queued before it."""
        self._queue.put_nowait((frame, False))

    def enqueue_replay(self, frames: list[str], paced: bool) -> None:
        """Queues replayed frames; ``paced`` spreads them (and what follows, until the queue
        empties) under the rate limit."""
        for frame in frames:
            self._queue.put_nowait((frame, paced))

    def start(self) -> None:
        """Starts the writer task."""
        self._writer = asyncio.ensure_future(self._write())

    def retire(self) -> None:
        """Stops the writer; the serve loop of this stream then closes it with 1000."""
        self.retired = True
        self.stop()

    def stop(self) -> None:
        """Stops the writer and wakes the receive loop."""
        if self._writer is not None and self._writer is not asyncio.current_task():
            self._writer.cancel()
        self.stopped.set()

    async def _write(self) -> None:
        try:
            while True:
                frame, paced = await self._queue.get()
                if paced:
                    self._pacer.active = True
                await self._pacer.before_send()
                await self.websocket.send_text(frame)
                self._pacer.sent()
                if self._queue.empty():
                    self._pacer.active = False
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the socket is gone; the buffer still has the frames
            logger.debug("stream writer stopped: %r", error)
            self.stop()


async def receive_or_stop(stream: Stream) -> str | None:
    """The next text frame, or ``None`` when the socket ended or the stream was stopped.

    Raises:
        ProtocolError: for a binary frame.
    """
    receive = asyncio.ensure_future(stream.websocket.receive_text())
    stopped = asyncio.ensure_future(stream.stopped.wait())
    try:
        await asyncio.wait({receive, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
        if not receive.done():
            receive.cancel()
    if not receive.done() or receive.cancelled():
        return None
    error = receive.exception()
    # Starlette's receive_text() fails with KeyError on a binary message (it has no "text").
    if isinstance(error, KeyError):
        raise ProtocolError("a binary frame: the protocol's frames are text")
    if error is not None:
        return None
    text = receive.result()
    if not isinstance(text, str):
        raise ProtocolError("a binary frame: the protocol's frames are text")
    return text


async def close_quietly(websocket: Any, code: int) -> None:
    """Closes ``websocket`` with ``code``, ignoring a socket that is already gone."""
    try:
        await websocket.close(code)
    except Exception as error:
        logger.debug("close(%d) failed: %r", code, error)
