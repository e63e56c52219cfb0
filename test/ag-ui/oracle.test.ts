/**
 * The official AG-UI client is the oracle: for every stream of the corpus, the conversation our
 * store shows equals what `@ag-ui/client` makes of the same events (messages, roles, text,
 * reasoning, tool calls with arguments and results, activities, state, interrupts), whether the
 * agent encodes them as JSON, SSE text or protobuf (`@ag-ui/encoder`).
 */
import { AbstractAgent } from "@ag-ui/client";
import { contentToText, type BaseEvent, type Message } from "@ag-ui/core";
import { RunAgentInputSchema } from "@ag-ui/core/schemas";
import { EventEncoder } from "@ag-ui/encoder";
import { Observable } from "rxjs";
import { describe, expect, it, vi } from "vitest";
import { agUiCodec } from "../../src/codecs/ag-ui-codec";
import { agUiProtoCodec } from "../../src/codecs/ag-ui-proto-codec";
import type { IncomingFrame } from "../../src/codecs/types";
import type { ChatMessage, ConversationState } from "../../src/store/types";
import { conversationStoreUnderTest } from "../../src/store/test-utils/store-under-test";
import { CORPUS, type CorpusStream } from "./corpus";

/** What both sides show of one message. */
interface View {
  id: string;
  role: string;
  text: string;
  reasoning: string[];
  toolCalls: Array<{ id: string; name: string; args: string; result?: string }>;
  activity?: { activityType: string; content: unknown };
}

interface Outcome {
  messages: View[];
  state: unknown;
  interrupts: unknown[];
}

class ReplayAgent extends AbstractAgent {
  events: BaseEvent[] = [];
  run(): Observable<BaseEvent> {
    const events = this.events;
    return new Observable<BaseEvent>((subscriber) => {
      for (const event of events) subscriber.next(event);
      subscriber.complete();
    });
  }
}

/**
 * The official client's messages as views: tool messages go into their calls' results, and
 * reasoning messages into the assistant message that follows them before the next user message
 * (the store shows reasoning as a part of the answer it led to).
 */
function officialViews(messages: Message[]): View[] {
  const results = new Map<string, string>();
  for (const message of messages) {
    if (message.role === "tool") results.set(message.toolCallId, contentToText(message.content));
  }
  const views: View[] = [];
  let reasoning: { id: string; texts: string[] } | null = null;
  const flush = () => {
    if (reasoning)
      views.push({
        id: reasoning.id,
        role: "assistant",
        text: "",
        reasoning: reasoning.texts,
        toolCalls: [],
      });
    reasoning = null;
  };
  for (const message of messages) {
    if (message.role === "tool") continue;
    if (message.role === "reasoning") {
      reasoning ??= { id: message.id, texts: [] };
      reasoning.texts.push(message.content);
      continue;
    }
    if (message.role === "user") flush();
    const view: View = {
      id: message.id,
      role: message.role,
      text: "",
      reasoning: [],
      toolCalls: [],
    };
    if (message.role === "activity") {
      view.activity = { activityType: message.activityType, content: message.content };
    } else {
      view.text = contentToText(message.content);
    }
    if (message.role === "assistant") {
      view.reasoning = reasoning?.texts ?? [];
      reasoning = null;
      view.toolCalls = (message.toolCalls ?? []).map((call) => {
        const result = results.get(call.id);
        const seen = { id: call.id, name: call.function.name, args: call.function.arguments };
        return result === undefined ? seen : { ...seen, result };
      });
    }
    views.push(view);
  }
  flush();
  return views;
}

function ourView(message: ChatMessage): View {
  const view: View = {
    id: message.id,
    role: message.role,
    text: message.text,
    reasoning: [],
    toolCalls: [],
  };
  for (const part of message.parts) {
    if (part.type === "reasoning") view.reasoning.push(part.text);
    if (part.type === "activity")
      view.activity = { activityType: part.activityType, content: part.content };
    if (part.type === "tool-call") {
      const seen = { id: part.toolCallId, name: part.name, args: part.args };
      view.toolCalls.push(part.result === undefined ? seen : { ...seen, result: part.result });
    }
  }
  return view;
}

async function official(stream: CorpusStream): Promise<Outcome> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const agent = new ReplayAgent({ threadId: "thread-0123456789-0123456789-abcdef" });
  for (const [index, turn] of stream.turns.entries()) {
    agent.addMessage({ id: `out-${index + 1}`, role: "user", content: turn.user });
    agent.events = turn.events;
    await agent.runAgent({ runId: `run-${index}` }).catch(() => undefined);
  }
  warn.mockRestore();
  error.mockRestore();
  return {
    messages: officialViews(agent.messages),
    state: agent.state,
    interrupts: agent.pendingInterrupts,
  };
}

type Encoding = "json" | "sse" | "protobuf";
const encoder = new EventEncoder();

/** The frames an agent sends for `events`: one per event in JSON, several per frame otherwise. */
function frames(events: BaseEvent[], encoding: Encoding): IncomingFrame[] {
  if (encoding === "json") return events.map((event) => JSON.stringify(event));
  const size = encoding === "sse" ? 3 : 2;
  const out: IncomingFrame[] = [];
  for (let start = 0; start < events.length; start += size) {
    const group = events.slice(start, start + size);
    if (encoding === "sse") out.push(group.map((event) => encoder.encodeSSE(event)).join(""));
    else {
      const parts = group.map((event) => encoder.encodeProtobuf(event));
      const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
      parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.byteLength), 0);
      out.push(bytes);
    }
  }
  return out;
}

async function ours(
  stream: CorpusStream,
  encoding: Encoding,
): Promise<Outcome & { store: ConversationState }> {
  const { connection, frames: scheduler, store } = conversationStoreUnderTest();
  connection.open();
  for (const turn of stream.turns) {
    store.send(turn.user);
    for (const frame of frames(turn.events, encoding)) {
      // The protobuf form is read by agentcore-react/ag-ui-proto's codec.
      const codec = encoding === "protobuf" ? agUiProtoCodec : agUiCodec;
      await codec.prepare?.(frame);
      const events = codec.decode(frame);
      expect(events.filter((event) => event.type === "error" && !event.fatal)).toEqual([]);
      connection.emit(...events);
    }
  }
  scheduler.frame();
  const state = store.getState();
  return {
    messages: state.messages.map(ourView),
    state: state.agentState ?? {},
    interrupts: [...state.pendingInterrupts],
    store: state,
  };
}

describe.each<Encoding>(["json", "sse", "protobuf"])("AG-UI oracle (%s frames)", (encoding) => {
  it.each(CORPUS.map((stream) => [stream.name, stream] as const))(
    "%s: the store shows what @ag-ui/client makes of the stream",
    async (_name, stream) => {
      const expected = await official(stream);
      const actual = await ours(stream, encoding);
      expect(actual.messages).toEqual(expected.messages);
      expect(actual.state).toEqual(expected.state);
      expect(actual.interrupts).toEqual(expected.interrupts);
    },
  );
});

describe("RunAgentInput", () => {
  it("is valid against @ag-ui/core's schema", () => {
    const frame = agUiCodec.encode("Hello ✓", {
      messageId: "0b7d2c1e-6f7a-4c55-9d1e-2f0e8c6b1a99",
      sessionId: "thread-0123456789-0123456789-abcdef",
    });
    expect(() => RunAgentInputSchema.parse(JSON.parse(frame))).not.toThrow();
  });
});
