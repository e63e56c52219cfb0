"""Per-session delivery state: epoch, last sequence, replay buffer, accepted ids, attached stream."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections import deque
from typing import Any, Awaitable, Callable, Union

from . import frames
from .buffer import ReplayBuffer
from .pacing import REPLAY_BURST
from .recent_ids import RecentIds
from .stream import Stream

logger = logging.getLogger("agentcore_delivery")

#: ``on_message(payload, session)``, sync or async.
MessageHandler = Callable[[str, "DeliverySession"], Union[None, Awaitable[None]]]


class DeliverySession:
    """What the agent keeps for one runtime session.

    Create sessions through :class:`~agentcore_delivery.DeliveryAgent`; applications use
    :meth:`send`. Call it from the event loop's thread.
    """

    def __init__(
        self,
        session_id: str,
        buffer: ReplayBuffer,
        remembered_ids: int,
        max_frame_bytes: int,
    ) -> None:
        self.session_id = session_id
        #: Names this session's replay buffer; new whenever the buffer starts empty.
        self.epoch = frames.new_epoch()
        #: The sequence of the last envelope sent (0 before the first).
        self.last_seq = 0
        self.buffer = buffer
        self.accepted = RecentIds(remembered_ids)
        self.stream: Stream | None = None
        self._max_frame_bytes = max_frame_bytes
        self._inbox: deque[tuple[str, MessageHandler]] = deque()
        self._worker: asyncio.Task[None] | None = None

    def send(self, payload: str) -> int:
        """Sends ``payload`` as the next envelope and keeps it for replay.

        It goes out at once when a stream is attached, else on the next resume.

        Returns:
            the envelope's sequence.

        Raises:
            FrameTooLarge: the envelope would exceed the frame limit (nothing is sent).
        """
        if not isinstance(payload, str):
            raise TypeError("payload must be str")
        seq = self.last_seq + 1
        frame = frames.envelope(seq, payload)
        size = frames.utf8_length(frame)
        if size > self._max_frame_bytes:
            raise frames.FrameTooLarge(size, self._max_frame_bytes)
        self.last_seq = seq
        self.buffer.append(seq, frame, size - (len(frame) - len(payload)))
        if self.stream is not None:
            self.stream.enqueue(frame)
        return seq

    @property
    def attached(self) -> bool:
        """Whether a stream is attached now."""
        return self.stream is not None

    def attach(self, stream: Stream, resume: frames.Resume) -> None:
        """Answers ``@resume`` on ``stream``: ``@hello`` then the replay, replacing any older stream.

        Runs without awaiting, so nothing the application sends can come between.
        """
        self.buffer.evict()
        oldest = self.buffer.oldest_seq()
        base = self.last_seq if oldest is None else oldest - 1
        resumed = resume.epoch == self.epoch and base <= resume.seq <= self.last_seq
        after = resume.seq if resumed else base
        if resumed:
            self.buffer.drop_through(resume.seq)
        replay = list(self.buffer.frames_after(after))
        if self.stream is not None:
            self.stream.retire()
        self.stream = stream
        stream.enqueue(frames.hello(self.epoch, after))
        stream.enqueue_replay(replay, paced=len(replay) > REPLAY_BURST)

    def detach(self, stream: Stream) -> None:
        """Forgets ``stream`` if it is still the attached one."""
        if self.stream is stream:
            self.stream = None

    def acknowledge(self, seq: int) -> None:
        """``@ack <seq>``: the client has every envelope up to ``seq``."""
        self.buffer.drop_through(seq)

    def accept(self, message: frames.Msg, handler: MessageHandler) -> bool:
        """Records a message; a new one is handed to ``handler`` after those before it.

        Returns:
            ``False`` for a duplicate, which is dropped.
        """
        if not self.accepted.add(message.id):
            return False
        self._inbox.append((message.payload, handler))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.ensure_future(self._work())
        return True

    async def _work(self) -> None:
        # One message at a time, in order, outliving the stream that brought it.
        while self._inbox:
            payload, handler = self._inbox.popleft()
            try:
                result: Any = handler(payload, self)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                logger.exception("on_message failed (session %s)", self.session_id)
