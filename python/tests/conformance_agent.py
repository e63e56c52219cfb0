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
import socket
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import uvicorn  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.responses import JSONResponse  # noqa: E402
from starlette.routing import Route, WebSocketRoute  # noqa: E402
from starlette.websockets import WebSocket  # noqa: E402

from agentcore_delivery import DeliveryAgent, DeliverySession, FrameTooLarge  # noqa: E402

SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id"
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


def build_app(delivery: DeliveryAgent) -> Starlette:
    """The Starlette app: ``/ping`` and the delivery WebSocket at ``/ws``."""

    async def ping(_request):
        return JSONResponse({"status": "Healthy"})

    async def stream(websocket: WebSocket) -> None:
        session_id = websocket.headers.get(SESSION_HEADER) or websocket.query_params.get("session")
        await websocket.accept()
        if not session_id:
            await websocket.close(1008)
            return
        await delivery.serve(websocket, session_id, on_message)

    return Starlette(routes=[Route("/ping", ping), WebSocketRoute("/ws", stream)])


class _AnnouncingServer(uvicorn.Server):
    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        if not self.should_exit:
            port = sockets[0].getsockname()[1] if sockets else self.config.port
            print(f"listening {port}", flush=True)


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
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((args.host, args.port))
    config = uvicorn.Config(
        build_app(delivery), log_level="warning", ws="wsproto", loop="asyncio", lifespan="off"
    )
    _AnnouncingServer(config).run(sockets=[listener])


if __name__ == "__main__":
    main()
