"""Drives DeliveryAgent.serve over fake sockets."""

from __future__ import annotations

import asyncio
from typing import Any

from agentcore_delivery import DeliveryAgent, DeliverySession
from fakes import FakeClock, FakeSocket


class Recorder:
    """An on_message that records payloads and answers with ``echo:<payload>``."""

    def __init__(self) -> None:
        self.payloads: list[str] = []

    def __call__(self, payload: str, session: DeliverySession) -> None:
        self.payloads.append(payload)
        session.send(f"echo:{payload}")


CLOCKS: dict[int, FakeClock] = {}


def make_agent(**options: Any) -> tuple[DeliveryAgent, FakeClock]:
    """An agent on a fake clock, which its fake sockets also use to time what they send."""
    clock = FakeClock()
    agent = DeliveryAgent(clock=clock, sleep=clock.sleep, **options)
    CLOCKS[id(agent)] = clock
    return agent, clock


async def open_stream(
    agent: DeliveryAgent, resume: str, session_id: str = "s1", handler: Any = None
) -> tuple[FakeSocket, asyncio.Future[None]]:
    """Opens a stream, sends ``resume`` and waits for the ``@hello``."""
    socket = FakeSocket()
    socket.clock = CLOCKS.get(id(agent))
    served = asyncio.ensure_future(agent.serve(socket, session_id, handler or Recorder()))
    socket.client_sends(resume)
    await socket.until_sent(1)
    return socket, served


async def drop(socket: FakeSocket, served: asyncio.Future[None]) -> None:
    """The stream dies (1006) and the agent notices."""
    socket.client_drops()
    await served


def hello_parts(frame: str) -> tuple[str, int]:
    name, epoch, seq = frame.split(" ")
    assert name == "@hello"
    return epoch, int(seq)
