"""What every test agent shares: the AgentCore container contract on Starlette and Uvicorn.

An agent container serves HTTP on one port: ``GET /ping`` answers ``{"status": "Healthy"}``
and the WebSocket ``/ws`` carries the conversation, with the runtime session id in the
``X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`` header of the upgrade. These agents answer
one message per connection and then close it with 1000, like the AgentCore SDK's ``AGUIApp``.
``GET /seen`` (test only) lists, per upgrade, the session id and the custom headers received;
``GET /inputs`` every message the agent read, with the index of its connection.

``--requests`` says how many messages a connection carries: ``one`` (the default, as above);
``one-then-ignore``, the same but the agent takes the frame the client sends after the answer
off the socket and drops it unread before closing, so that a frame sent in that window is
never read on every run, not only when the close loses the race; ``many``, every message until
the client closes, answered in turn.

Run: ``python3 <agent>.py --port 8080 [--requests one|one-then-ignore|many]``.
"""

import argparse
import time

import uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id"
CUSTOM_HEADER_PREFIX = "x-amzn-bedrock-agentcore-runtime-custom-"


class Context:
    """What an answer knows about its connection."""

    def __init__(self, session_id, custom_headers):
        self.session_id = session_id
        self.custom_headers = custom_headers


def serve(answer, description):
    """Serves ``answer(websocket, message, context)`` for one message per connection."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--requests", choices=["one", "one-then-ignore", "many"], default="one")
    args = parser.parse_args()
    seen = []
    inputs = []
    started = int(time.time())

    async def ping(_request):
        return JSONResponse({"status": "Healthy", "time_of_last_update": started})

    async def seen_route(_request):
        return JSONResponse(seen)

    async def inputs_route(_request):
        return JSONResponse(inputs)

    async def stream(websocket: WebSocket):
        headers = websocket.headers
        custom = {name: value for name, value in headers.items() if name.startswith(CUSTOM_HEADER_PREFIX)}
        context = Context(headers.get(SESSION_HEADER), custom)
        seen.append({"sessionId": context.session_id, "custom": custom})
        connection = len(seen) - 1
        await websocket.accept()
        try:
            while True:
                message = await websocket.receive_text()
                inputs.append({"connection": connection, "message": message})
                await answer(websocket, message, context)
                if args.requests == "one-then-ignore":
                    await websocket.receive_text()
                if args.requests != "many":
                    break
        except WebSocketDisconnect:
            return
        await websocket.close(code=1000)

    app = Starlette(
        routes=[
            Route("/ping", ping, methods=["GET"]),
            Route("/seen", seen_route, methods=["GET"]),
            Route("/inputs", inputs_route, methods=["GET"]),
            WebSocketRoute("/ws", stream),
        ]
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", ws="wsproto")
