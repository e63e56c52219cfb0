"""An AG-UI agent over WebSocket, like the AgentCore Python SDK's ``AGUIApp``: it reads one
``RunAgentInput`` per connection, streams AG-UI events framed as Server-Sent Events
(``data: {...}\\n\\n``, the way ``ag_ui.encoder.EventEncoder`` writes them; sometimes several
in one frame), and closes with 1000 when the run is over. The run reasons, calls a tool and
answers.
"""

import json
import uuid

from agent_common import serve


def sse(*events):
    """One WebSocket frame holding these events, each SSE-framed."""
    return "".join(f"data: {json.dumps(event, separators=(',', ':'))}\n\n" for event in events)


def run_events(run_input):
    thread_id = run_input.get("threadId")
    run_id = run_input.get("runId")
    question = next(
        (m.get("content", "") for m in reversed(run_input.get("messages", [])) if m.get("role") == "user"),
        "",
    )
    reasoning_id = f"reasoning-{uuid.uuid4()}"
    message_id = f"message-{uuid.uuid4()}"
    tool_call_id = f"tool-{uuid.uuid4()}"
    yield sse({"type": "RUN_STARTED", "threadId": thread_id, "runId": run_id})
    yield sse(
        {"type": "REASONING_START", "messageId": reasoning_id},
        {"type": "REASONING_MESSAGE_START", "messageId": reasoning_id, "role": "assistant"},
    )
    yield sse({"type": "REASONING_MESSAGE_CONTENT", "messageId": reasoning_id, "delta": "Needs the weather."})
    yield sse(
        {"type": "REASONING_MESSAGE_END", "messageId": reasoning_id},
        {"type": "REASONING_END", "messageId": reasoning_id},
    )
    yield sse({"type": "TOOL_CALL_START", "toolCallId": tool_call_id, "toolCallName": "weather"})
    yield sse({"type": "TOOL_CALL_ARGS", "toolCallId": tool_call_id, "delta": '{"city":'})
    yield sse({"type": "TOOL_CALL_ARGS", "toolCallId": tool_call_id, "delta": '"Paris"}'})
    yield sse(
        {"type": "TOOL_CALL_END", "toolCallId": tool_call_id},
        {"type": "TOOL_CALL_RESULT", "messageId": f"result-{uuid.uuid4()}", "toolCallId": tool_call_id, "content": "sunny"},
    )
    yield sse({"type": "TEXT_MESSAGE_START", "messageId": message_id, "role": "assistant"})
    for piece in ["You asked: ", question, ". ", "It is sunny."]:
        yield sse({"type": "TEXT_MESSAGE_CONTENT", "messageId": message_id, "delta": piece})
    yield sse(
        {"type": "TEXT_MESSAGE_END", "messageId": message_id},
        {"type": "RUN_FINISHED", "threadId": thread_id, "runId": run_id},
    )


async def answer(websocket, message, context):
    for frame in run_events(json.loads(message)):
        await websocket.send_text(frame)


if __name__ == "__main__":
    serve(answer, "An AG-UI agent over WebSocket, like the AgentCore SDK's AGUIApp")
