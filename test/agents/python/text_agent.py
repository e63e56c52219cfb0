"""A text agent in the reply shape of the AgentCore Python SDK's WebSocket integration test.

It answers ``{"inputText": ...}`` with ``{"type": "stream_chunk", "chunk_id": n, "data": ...}``
frames, then ``{"type": "stream_complete"}``. One piece goes as two binary frames that split
the UTF-8 bytes of "é" between them, as a byte stream can.
"""

import json

from agent_common import serve


async def answer(websocket, message, context):
    text = json.loads(message).get("inputText", "")
    pieces = ["You said: ", text, ". "]
    for chunk_id, piece in enumerate(pieces):
        await websocket.send_json({"type": "stream_chunk", "chunk_id": chunk_id, "data": piece})
    encoded = "Café.".encode("utf-8")
    split = encoded.index(b"\xa9")
    await websocket.send_bytes(encoded[:split])
    await websocket.send_bytes(encoded[split:])
    await websocket.send_json({"type": "stream_complete"})


if __name__ == "__main__":
    serve(answer, "A stream_chunk/stream_complete text agent")
