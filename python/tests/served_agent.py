"""What the served test agents share: a Starlette app with ``/ping`` and the delivery WebSocket
``/ws``, and a Uvicorn server that prints ``listening <port>`` once it accepts connections."""

from __future__ import annotations

import socket
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from agentcore_delivery import DeliveryAgent

SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id"


def build_app(delivery: DeliveryAgent, on_message: Any, *, session_query: bool = False) -> Starlette:
    """``/ping``, and ``/ws`` served by ``delivery`` with ``on_message``.

    The session id is the runtime's header (else, with ``session_query``, the ``session`` query
    parameter); an upgrade without one is closed with 1008.
    """

    async def ping(_request):
        return JSONResponse({"status": "Healthy"})

    async def stream(websocket: WebSocket) -> None:
        session_id = websocket.headers.get(SESSION_HEADER)
        if not session_id and session_query:
            session_id = websocket.query_params.get("session")
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


def serve(app: Starlette, host: str, port: int) -> None:
    """Serves ``app`` on ``host:port`` (0: a free port), printing ``listening <port>`` when ready."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    config = uvicorn.Config(app, log_level="warning", ws="wsproto", loop="asyncio", lifespan="off")
    _AnnouncingServer(config).run(sockets=[listener])
