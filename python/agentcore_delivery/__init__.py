"""Agent side of ``acr-delivery/1``: exactly-once, in-order delivery for agentcore-react clients.

Usage with any Starlette-style WebSocket (``receive_text``, ``send_text``, ``close``)::

    delivery = DeliveryAgent()

    async def on_message(payload: str, session: DeliverySession) -> None:
        session.send(answer_to(payload))

    await websocket.accept()
    await delivery.serve(websocket, session_id, on_message)
"""

from .agent import CLOSE_PROTOCOL_ERROR, CLOSE_REPLACED, DeliveryAgent
from .frames import MAX_FRAME_BYTES, FrameTooLarge, ProtocolError
from .session import DeliverySession, MessageHandler

__all__ = [
    "CLOSE_PROTOCOL_ERROR",
    "CLOSE_REPLACED",
    "MAX_FRAME_BYTES",
    "DeliveryAgent",
    "DeliverySession",
    "FrameTooLarge",
    "MessageHandler",
    "ProtocolError",
]
