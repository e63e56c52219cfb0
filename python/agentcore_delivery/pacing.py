"""Keeps a long replay under the service's 250 frames per second."""

from __future__ import annotations

from collections import deque
from typing import Awaitable, Callable

#: A replay up to this many frames goes out at once; a longer one is paced.
REPLAY_BURST = 200
#: While pacing, at most this many frames go out in any window of ``WINDOW_S``.
PACED_FRAMES_PER_WINDOW = 200
WINDOW_S = 1.0


class Pacer:
    """A sliding-window limiter that only limits while switched on.

    It records every frame sent; while ``active``, ``before_send`` waits until fewer than
    ``limit`` frames went out in the last ``window_s`` seconds. Counting the frames sent before
    it was switched on keeps the window honest across the switch.
    """

    def __init__(
        self,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
        limit: int = PACED_FRAMES_PER_WINDOW,
        window_s: float = WINDOW_S,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._limit = limit
        self._window_s = window_s
        self._sent: deque[float] = deque(maxlen=limit)
        self.active = False

    async def before_send(self) -> None:
        """Waits, when active, until one more frame fits in the window."""
        if self.active and len(self._sent) == self._limit:
            wait = self._sent[0] + self._window_s - self._clock()
            if wait > 0:
                await self._sleep(wait)

    def sent(self) -> None:
        """Records a frame that went out."""
        self._sent.append(self._clock())
