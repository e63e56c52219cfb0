"""Test doubles: an in-memory WebSocket, a clock whose sleep advances it, and an async runner."""

from __future__ import annotations

import asyncio
import functools
from typing import Any, Awaitable, Callable

DISCONNECT = object()


class Disconnected(Exception):
    """What the fake raises where Starlette raises ``WebSocketDisconnect``."""


class FakeSocket:
    """An accepted WebSocket: the test feeds ``incoming``, the helper fills ``sent``."""

    def __init__(self) -> None:
        self.incoming: asyncio.Queue[Any] = asyncio.Queue()
        self.sent: list[str] = []
        self.sent_at: list[float] = []
        self.close_code: int | None = None
        self.clock: Callable[[], float] | None = None
        self._changed = asyncio.Event()

    def client_sends(self, text: str) -> None:
        self.incoming.put_nowait(text)

    def client_drops(self) -> None:
        """The stream dies without a close handshake."""
        self.incoming.put_nowait(DISCONNECT)

    async def receive_text(self) -> str:
        item = await self.incoming.get()
        if item is DISCONNECT:
            raise Disconnected()
        return item

    async def send_text(self, data: str) -> None:
        if self.close_code is not None:
            raise RuntimeError("send after close")
        self.sent.append(data)
        if self.clock is not None:
            self.sent_at.append(self.clock())
        self._notify()

    async def close(self, code: int = 1000) -> None:
        self.close_code = code
        self.incoming.put_nowait(DISCONNECT)
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Waits until ``predicate()`` holds after something was sent or closed."""

        async def wait() -> None:
            while not predicate():
                await self._changed.wait()

        await asyncio.wait_for(wait(), timeout)

    async def until_sent(self, count: int) -> list[str]:
        await self.until(lambda: len(self.sent) >= count)
        return self.sent[:count]


class FakeClock:
    """Monotonic seconds that only move when told, or when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def run_async(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Runs an async test function in a fresh event loop (no pytest plugin needed)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(asyncio.wait_for(test(*args, **kwargs), 20))

    return wrapper
