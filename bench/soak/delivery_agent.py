"""The soak's agent with delivery on: agentcore_delivery served for real on Starlette + Uvicorn.

Run: ``/usr/bin/python3 bench/soak/delivery_agent.py --port 0``. It prints ``listening <port>``
once it accepts connections, then ``handled <n>`` (flushed) each time the helper hands it the
message ``{"inputText": "m-<n>"}``: that is the agent's view of what it was given, and the
pipe keeps it even when the process is killed. It answers ``ok m-<n>`` in 6-character
envelopes (yielding to the event loop between them, so a fault can land mid-answer), then
``{"type":"done"}``. Serves ``GET /ping`` and the WebSocket ``/ws``; the session id is the
``X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`` header.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys

PYTHON_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python")
sys.path[:0] = [PYTHON_DIR, os.path.join(PYTHON_DIR, "tests")]


from agentcore_delivery import DeliveryAgent, DeliverySession  # noqa: E402
from served_agent import build_app, serve  # noqa: E402

CHUNK = 6
MESSAGE = re.compile(r"^m-(\d+)$")


def message_number(payload: str) -> int | None:
    """The ``n`` of ``{"inputText": "m-<n>"}``, if the payload is one."""
    try:
        text = json.loads(payload).get("inputText")
    except (ValueError, AttributeError):
        return None
    match = MESSAGE.match(text) if isinstance(text, str) else None
    return int(match.group(1)) if match else None


async def on_message(payload: str, session: DeliverySession) -> None:
    """Records the message, then answers it in small envelopes and a done frame."""
    number = message_number(payload)
    if number is None:
        session.send(json.dumps({"type": "error", "message": "expected m-<n>"}))
        return
    print(f"handled {number}", flush=True)
    reply = f"ok m-{number}"
    for start in range(0, len(reply), CHUNK):
        session.send(reply[start : start + CHUNK])
        await asyncio.sleep(0)
    session.send('{"type":"done"}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    serve(build_app(DeliveryAgent(), on_message), "127.0.0.1", args.port)

if __name__ == "__main__":
    main()
