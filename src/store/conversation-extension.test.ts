import { textCodec } from "../codecs/text-codec";
import type { AgentEvent } from "../codecs/types";
import { AgentRuntimeConnection } from "../connection/agent-runtime-connection";
import { agUiCodec } from "./ag-ui-conversation";
import { agUiProtoCodec } from "./ag-ui-proto-conversation";
import { ConversationExtension } from "./conversation-extension";
import { FakeConnection } from "./test-utils/fake-connection";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

const RICH_EVENTS: AgentEvent[] = [
  { type: "reasoning-start", messageId: "think" },
  { type: "reasoning-delta", messageId: "think", delta: "hmm" },
  { type: "state-snapshot", snapshot: { step: 1 } },
  { type: "activity", messageId: "act", activityType: "plan", content: { done: false } },
  { type: "text-chunk", messageId: "a", delta: "chunked" },
];

describe("conversation extensions", () => {
  it("come with the AG-UI codecs and not with the text codec", () => {
    expect(agUiCodec.conversation).toBeInstanceOf(ConversationExtension);
    expect(agUiProtoCodec.conversation).toBe(agUiCodec.conversation);
    expect(textCodec.conversation).toBeUndefined();
  });

  it("are found on the connection's codec", () => {
    const urlProvider = () => Promise.reject(new Error("unused"));
    expect(new AgentRuntimeConnection({ urlProvider, codec: agUiCodec }).codec).toBe(agUiCodec);
    expect(new AgentRuntimeConnection({ urlProvider }).codec.conversation).toBeUndefined();
  });

  it("show AG-UI's reasoning, state, activities and chunks", () => {
    const { connection, frames, store } = setup();
    connection.emit(...RICH_EVENTS);
    frames.frame();
    const { messages, agentState } = store.getState();
    // The reasoning led to answer "a": it shows as a part of it.
    expect(messages.map((message) => message.id)).toEqual(["a", "act"]);
    expect(messages[0]?.parts.map((part) => part.type)).toEqual(["reasoning", "text"]);
    expect(agentState).toEqual({ step: 1 });
  });

  it("without one, the store passes those events to onEvent only", () => {
    const codec = { name: "custom", encode: String, decode: () => [] };
    const { connection, frames, store } = setup(new FakeConnection({ codec }));
    const seen: AgentEvent[] = [];
    store.onEvent((event) => seen.push(event));
    connection.emit(...RICH_EVENTS, { type: "text-delta", delta: "plain" });
    frames.frame();
    const { messages, agentState } = store.getState();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ role: "assistant", text: "plain" });
    expect(agentState).toBeUndefined();
    expect(seen).toHaveLength(RICH_EVENTS.length + 1);
  });

  it("come from the store's codec option when the connection names no codec", () => {
    const connection = new FakeConnection();
    Object.defineProperty(connection, "codec", { value: undefined });
    const { frames, store } = setup(connection, { codec: agUiCodec });
    connection.emit(...RICH_EVENTS);
    frames.frame();
    expect(store.getState().agentState).toEqual({ step: 1 });
  });

  it("are taken up by a custom codec that carries agUiCodec.conversation", () => {
    const codec = {
      name: "custom",
      encode: String,
      decode: () => [],
      conversation: agUiCodec.conversation,
    };
    const { connection, frames, store } = setup(new FakeConnection({ codec }));
    connection.emit(...RICH_EVENTS);
    frames.frame();
    expect(store.getState().agentState).toEqual({ step: 1 });
  });
});
