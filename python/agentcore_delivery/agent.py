"""The asyncio integration: serves ``acr-delivery/1`` on a Starlette-style WebSocket."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Awaitable, Callable

from . import frames
from .buffer import DEFAULT_MAX_AGE_S, DEFAULT_MAX_BYTES, ReplayBuffer
from .recent_ids import MIN_REMEMBERED_IDS
from .session import DeliverySession, MessageHandler
from .stream import Stream, close_quietly, receive_or_stop

logger = logging.getLogger("agentcore_delivery")

#: Close code for a protocol error (a frame before ``@resume``, or one this protocol lacks).
CLOSE_PROTOCOL_ERROR = 1002
#: Close code for a stream replaced by a newer one of the same session.
CLOSE_REPLACED = 1000


class DeliveryAgent:
    """Keeps the delivery state of every runtime session this process serves.

    Args:
        max_buffer_bytes: bound on the payload bytes kept for replay, per session.
        max_buffer_age_s: envelopes older than this are evicted, in seconds.
        remembered_ids: how many accepted message ids a session remembers (at least 1,024).
        max_frame_bytes: the frame limit an envelope must fit in.
        clock: monotonic time in seconds (tests inject one).
        sleep: how the replay pacing waits (tests inject one).
    """

    def __init__(
        self,
        *,
        max_buffer_bytes: int = DEFAULT_MAX_BYTES,
        max_buffer_age_s: float = DEFAULT_MAX_AGE_S,
        remembered_ids: int = MIN_REMEMBERED_IDS,
        max_frame_bytes: int = frames.MAX_FRAME_BYTES,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._max_buffer_bytes = max_buffer_bytes
        self._max_buffer_age_s = max_buffer_age_s
        self._remembered_ids = remembered_ids
        self._max_frame_bytes = max_frame_bytes
        self._clock = clock
        self._sleep = sleep
        self._sessions: dict[str, DeliverySession] = {}

    def session(self, session_id: str) -> DeliverySession:
        """The session ``session_id``, created (with a new epoch) when unknown."""
        session = self._sessions.get(session_id)
        if session is None:
            buffer = ReplayBuffer(self._clock, self._max_buffer_bytes, self._max_buffer_age_s)
            session = DeliverySession(
                session_id, buffer, self._remembered_ids, self._max_frame_bytes
            )
            self._sessions[session_id] = session
        return session

    def forget(self, session_id: str) -> None:
        """Drops a session's state (a later stream for it starts a new epoch)."""
        session = self._sessions.pop(session_id, None)
        if session is not None and session.stream is not None:
            session.stream.retire()

    async def serve(self, websocket: Any, session_id: str, on_message: MessageHandler) -> None:
        """Serves one accepted WebSocket of ``session_id`` until it ends or is replaced.

        ``on_message(payload, session)`` (sync or async) gets every new message once, in
        order, one at a time, in a task that outlives the stream; it answers with
        ``session.send(payload)``.
        """
        stream = Stream(websocket, self._clock, self._sleep)
        try:
            first = await receive_or_stop(stream)
            if first is None:
                return
            resume = frames.parse_client_frame(first)
            if not isinstance(resume, frames.Resume):
                raise frames.ProtocolError("the first frame must be @resume")
        except frames.ProtocolError as error:
            logger.info("closing with 1002: %s", error)
            await close_quietly(websocket, CLOSE_PROTOCOL_ERROR)
            return
        session = self.session(session_id)
        session.attach(stream, resume)
        stream.start()
        try:
            await self._receive_loop(stream, session, on_message)
        finally:
            session.detach(stream)
            stream.stop()
        if stream.retired:
            await close_quietly(websocket, CLOSE_REPLACED)

    async def _receive_loop(
        self, stream: Stream, session: DeliverySession, on_message: MessageHandler
    ) -> None:
        while not stream.stopped.is_set():
            try:
                text = await receive_or_stop(stream)
                if text is None or stream.stopped.is_set():
                    return
                frame = frames.parse_client_frame(text)
                if isinstance(frame, frames.Resume):
                    raise frames.ProtocolError("@resume after the first frame")
            except frames.ProtocolError as error:
                logger.info("closing with 1002: %s", error)
                await close_quietly(stream.websocket, CLOSE_PROTOCOL_ERROR)
                return
            if isinstance(frame, frames.Ack):
                session.acknowledge(frame.seq)
            else:
                stream.enqueue(frames.got(frame.id))
                session.accept(frame, on_message)
