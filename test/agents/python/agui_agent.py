"""An AG-UI agent over WebSocket, like the AgentCore Python SDK's ``AGUIApp``: it reads one
``RunAgentInput`` per connection, streams AG-UI events framed as Server-Sent Events
(``data: {...}\\n\\n``, the way ``ag_ui.encoder.EventEncoder`` writes them; sometimes several
in one frame), and closes with 1000 when the run is over. The run reasons, calls a tool and
answers.

Asked "where am I?", it calls ``get_location``, a tool the client runs (a frontend tool: no
``TOOL_CALL_RESULT``), and ends the run. The client's next run carries the result as a
``tool`` message; the agent answers with it, and cites its sources in a ``CUSTOM`` event
named ``sources``. A result for a tool call it did not make gets an answer saying so.
"""

import json
import uuid

from agent_common import serve


def sse(*events):
    """One WebSocket frame holding these events, each SSE-framed."""
    return "".join(f"data: {json.dumps(event, separators=(',', ':'))}\n\n" for event in events)


# The client tool calls this agent made and has not had a result for (one process, every session).
pending_client_calls = set()


def run_events(run_input):
    thread_id = run_input.get("threadId")
    run_id = run_input.get("runId")
    messages = run_input.get("messages", [])
    question = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
    # Results answer the calls of this turn: those after the last user message (a client that
    # sends the whole history, as @ag-ui/client does, also sends earlier turns' results).
    last_user = max((i for i, m in enumerate(messages) if m.get("role") == "user"), default=-1)
    results = [m for m in messages[last_user + 1 :] if m.get("role") == "tool"]
    if results:
        yield from answer_with_results(thread_id, run_id, results)
    elif isinstance(question, str) and question.strip().lower() == "where am i?":
        yield from call_client_tool(thread_id, run_id)
    else:
        yield from weather_run(thread_id, run_id, question)


def call_client_tool(thread_id, run_id):
    tool_call_id = f"tool-{uuid.uuid4()}"
    pending_client_calls.add(tool_call_id)
    yield sse({"type": "RUN_STARTED", "threadId": thread_id, "runId": run_id})
    yield sse(
        {"type": "TOOL_CALL_START", "toolCallId": tool_call_id, "toolCallName": "get_location"},
        {"type": "TOOL_CALL_ARGS", "toolCallId": tool_call_id, "delta": '{"precise":true}'},
        {"type": "TOOL_CALL_END", "toolCallId": tool_call_id},
    )
    yield sse({"type": "RUN_FINISHED", "threadId": thread_id, "runId": run_id})


def answer_with_results(thread_id, run_id, results):
    message_id = f"message-{uuid.uuid4()}"
    known = [r for r in results if r.get("toolCallId") in pending_client_calls]
    for result in known:
        pending_client_calls.discard(result.get("toolCallId"))
    text = (
        "get_location returned " + ", ".join(str(r.get("content")) for r in known) + "."
        if known
        else "I did not call that tool."
    )
    sources = [
        {"id": "1", "url": "https://maps.example.com/lisbon", "title": "Lisbon on the map"},
        {"id": "2", "url": "javascript:alert(1)", "title": "Not a link"},
    ]
    yield sse({"type": "RUN_STARTED", "threadId": thread_id, "runId": run_id})
    yield sse({"type": "TEXT_MESSAGE_START", "messageId": message_id, "role": "assistant"})
    yield sse({"type": "TEXT_MESSAGE_CONTENT", "messageId": message_id, "delta": text})
    yield sse(
        {"type": "TEXT_MESSAGE_END", "messageId": message_id},
        {"type": "CUSTOM", "name": "sources", "value": {"messageId": message_id, "sources": sources}},
        {"type": "RUN_FINISHED", "threadId": thread_id, "runId": run_id},
    )


def weather_run(thread_id, run_id, question):
    reasoning_id = f"reasoning-{uuid.uuid4()}"
    message_id = f"message-{uuid.uuid4()}"
    tool_call_id = f"tool-{uuid.uuid4()}"
    yield sse({"type": "RUN_STARTED", "threadId": thread_id, "runId": run_id})
    yield sse(
        {"type": "REASONING_START", "messageId": reasoning_id},
        {"type": "REASONING_MESSAGE_START", "messageId": reasoning_id, "role": "reasoning"},
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
