"""The conformance agent: agentcore_delivery served for real on Starlette and Uvicorn.

Run: ``/usr/bin/python3 python/tests/conformance_agent.py --port 0 [--max-buffer-bytes N]
[--max-buffer-age-ms N]``. It prints ``listening <port>`` (flushed) once it accepts
connections, serves ``GET /ping`` and the WebSocket ``/ws``, and exits cleanly on SIGTERM.

The session id is the ``X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`` header, else the
``session`` query parameter; an upgrade with neither is closed with 1008. A new message's
payload selects what the agent sends:

- ``count:<k>:<tag>``: ``<tag>#1`` … ``<tag>#k`` at once;
- ``later:<k>:<tag>:<ms>``: the same, one every ``<ms>`` ms in the background (also while no
  stream is attached);
- ``big:<bytes>``: that many ``x``, or ``too-large`` when the helper refuses it;
- anything else: ``echo:<payload>``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, ".."), HERE]


from agentcore_delivery import DeliveryAgent, DeliverySession, FrameTooLarge  # noqa: E402
from served_agent import build_app, serve  # noqa: E402

_background: set[asyncio.Task[None]] = set()


async def _later(session: DeliverySession, count: int, tag: str, interval_s: float) -> None:
    for index in range(1, count + 1):
        await asyncio.sleep(interval_s)
        session.send(f"{tag}#{index}")


def on_message(payload: str, session: DeliverySession) -> None:
    """The conformance app logic (see the module docstring)."""
    parts = payload.split(":")
    if parts[0] == "count" and len(parts) == 3 and parts[1].isdigit():
        for index in range(1, int(parts[1]) + 1):
            session.send(f"{parts[2]}#{index}")
    elif parts[0] == "later" and len(parts) == 4 and parts[1].isdigit() and parts[3].isdigit():
        task = asyncio.ensure_future(
            _later(session, int(parts[1]), parts[2], int(parts[3]) / 1000)
        )
        _background.add(task)
        task.add_done_callback(_background.discard)
    elif parts[0] == "big" and len(parts) == 2 and parts[1].isdigit():
        try:
            session.send("x" * int(parts[1]))
        except FrameTooLarge:
            session.send("too-large")
    else:
        session.send(f"echo:{payload}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--max-buffer-bytes", type=int, default=1024 * 1024)
    parser.add_argument("--max-buffer-age-ms", type=int, default=300_000)
    args = parser.parse_args()
    delivery = DeliveryAgent(
        max_buffer_bytes=args.max_buffer_bytes, max_buffer_age_s=args.max_buffer_age_ms / 1000
    )
    serve(build_app(delivery, on_message, session_query=True), args.host, args.port)

if __name__ == "__main__":
    main()
