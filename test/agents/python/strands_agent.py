"""An agent whose handler forwards Strands agent stream events, the way a
``BedrockAgentCoreApp`` WebSocket handler does with ``json.dumps(event, default=str)``:

    async for event in agent.stream_async(prompt):
        await websocket.send_text(json.dumps(event, default=str))

No model is called: the events are the ones Strands' ``Agent.stream_async`` yields for an
answer that reasons, calls a tool and then answers (lifecycle events, the model's raw chunks
under ``event``, the text events ``{"data", "delta", ...}`` merged with the invocation state,
the assistant ``message`` events and the final ``result``), in Strands' order. Values JSON
cannot hold (the agent object, the AgentResult) become strings, as ``default=str`` makes them.
"""

import json
import uuid

from agent_common import serve


class Agent:
    """Stands for the Strands Agent object found in the invocation state."""

    def __repr__(self):
        return "<strands.agent.agent.Agent object>"


class AgentResult:
    """Stands for Strands' AgentResult, whose str() is the answer's text."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text + "\n"


def model_cycle(pieces, stop_reason, state):
    """The events of one model call: raw chunks, each text chunk followed by its text event."""
    yield {"event": {"messageStart": {"role": "assistant"}}}
    if stop_reason == "tool_use":
        reasoning = {"reasoningContent": {"text": "The user wants the weather."}}
        yield {"event": {"contentBlockDelta": {"delta": reasoning, "contentBlockIndex": 0}}}
        yield {"reasoningText": "The user wants the weather.", "delta": reasoning, "reasoning": True, **state}
    for piece in pieces:
        delta = {"text": piece}
        yield {"event": {"contentBlockDelta": {"delta": delta, "contentBlockIndex": 1}}}
        yield {"data": piece, "delta": delta, **state}
    yield {"event": {"contentBlockStop": {"contentBlockIndex": 1}}}
    if stop_reason == "tool_use":
        tool = {"toolUseId": "tool-1", "name": "weather", "input": '{"city": "Paris"}'}
        yield {"type": "tool_use_stream", "delta": {"toolUse": {"input": tool["input"]}}, "current_tool_use": tool, **state}
    yield {"event": {"messageStop": {"stopReason": stop_reason}}}
    yield {"event": {"metadata": {"usage": {"inputTokens": 12, "outputTokens": 7, "totalTokens": 19}}}}
    yield {"message": {"role": "assistant", "content": [{"text": "".join(pieces)}]}}


def strands_events(prompt):
    state = {"agent": Agent(), "event_loop_cycle_id": uuid.uuid4(), "request_state": {}}
    yield {"init_event_loop": True, **state}
    yield {"start": True}
    yield {"start_event_loop": True}
    yield from model_cycle(["Let me check ", "the weather. "], "tool_use", state)
    yield {"message": {"role": "user", "content": [{"toolResult": {"toolUseId": "tool-1", "content": [{"text": "sunny"}]}}]}}
    yield {"start": True}
    yield {"start_event_loop": True}
    answer = ["You asked: ", prompt, ". ", "It is sunny."]
    yield from model_cycle(answer, "end_turn", state)
    yield {"result": AgentResult("".join(answer))}


async def answer(websocket, message, context):
    prompt = json.loads(message).get("inputText", "")
    for event in strands_events(prompt):
        await websocket.send_text(json.dumps(event, default=str))


if __name__ == "__main__":
    serve(answer, "An agent forwarding Strands agent stream events")
