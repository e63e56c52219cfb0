"""The replay buffer: the envelopes a session sent, oldest first, bounded by bytes and age."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterator

#: Default bound on the payload bytes kept for replay (1 MiB).
DEFAULT_MAX_BYTES = 1024 * 1024
#: Default bound on the age of a kept envelope, in seconds (5 minutes).
DEFAULT_MAX_AGE_S = 300.0


@dataclass(frozen=True)
class Entry:
    """One buffered envelope."""

    seq: int
    frame: str
    payload_bytes: int
    buffered_at: float


class ReplayBuffer:
    """Envelopes with consecutive sequences; only ever shortened from the oldest end.

    Args:
        clock: monotonic time in seconds.
        max_bytes: bound on the sum of the payloads' UTF-8 sizes.
        max_age_s: an envelope older than this is evicted.
    """

    def __init__(
        self,
        clock: Callable[[], float],
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_age_s: float = DEFAULT_MAX_AGE_S,
    ) -> None:
        self._clock = clock
        self._max_bytes = max_bytes
        self._max_age_s = max_age_s
        self._entries: deque[Entry] = deque()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def payload_bytes(self) -> int:
        """The payload bytes held now."""
        return self._bytes

    def oldest_seq(self) -> int | None:
        """The sequence of the oldest envelope held, or ``None`` when empty."""
        return self._entries[0].seq if self._entries else None

    def append(self, seq: int, frame: str, payload_bytes: int) -> None:
        """Adds the newest envelope, then evicts what exceeds the bounds."""
        self._entries.append(Entry(seq, frame, payload_bytes, self._clock()))
        self._bytes += payload_bytes
        self.evict()

    def evict(self) -> None:
        """Drops the oldest envelopes while the bytes or the age exceed their bound."""
        horizon = self._clock() - self._max_age_s
        while self._entries and (
            self._bytes > self._max_bytes or self._entries[0].buffered_at < horizon
        ):
            self._pop()

    def drop_through(self, seq: int) -> None:
        """Drops every envelope up to and including ``seq`` (the client has them)."""
        while self._entries and self._entries[0].seq <= seq:
            self._pop()

    def frames_after(self, seq: int) -> Iterator[str]:
        """The frames of the envelopes after ``seq``, in order."""
        return (entry.frame for entry in self._entries if entry.seq > seq)

    def _pop(self) -> None:
        self._bytes -= self._entries.popleft().payload_bytes
