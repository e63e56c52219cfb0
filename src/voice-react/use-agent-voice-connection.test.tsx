import { renderHook } from "@testing-library/react";
import type { AgentEvent } from "../codecs/types";
import type { AgentVoiceOptions } from "../voice/types";
import { voiceTransport } from "../voice/voice-transport";
import { useAgentVoice } from "./use-agent-voice";
import type * as AgentVoiceModule from "../voice/agent-voice";

// The options each AgentVoice was made with: the hook's connection stand-in is among them.
const made = vi.hoisted(() => [] as { connection: AgentVoiceOptions["connection"] }[]);
vi.mock("../voice/agent-voice", async (importOriginal) => {
  const original = await importOriginal<typeof AgentVoiceModule>();
  class RecordedAgentVoice extends original.AgentVoice {
    constructor(options: AgentVoiceOptions) {
      super(options);
      made.push(options);
    }
  }
  return { ...original, AgentVoice: RecordedAgentVoice };
});

function fakeConnection() {
  const listeners = new Set<(event: AgentEvent) => void>();
  return {
    listeners,
    onEvent(listener: (event: AgentEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

describe("useAgentVoice with useAgentRuntimeSocket's connection", () => {
  it("takes no connection on the first render and hears the one of the latest render", () => {
    const transport = voiceTransport();
    const first = fakeConnection();
    const second = fakeConnection();
    const { result, rerender } = renderHook(
      ({ connection }) => useAgentVoice({ connection, transport }),
      { initialProps: { connection: null as ReturnType<typeof fakeConnection> | null } },
    );
    const voice = result.current.voice;
    const options = made.at(-1);
    const heard: AgentEvent[] = [];
    // What the call does when it starts: listen to the connection it was given.
    options?.connection.onEvent((event) => heard.push(event));
    rerender({ connection: first });
    expect(first.listeners.size).toBe(1);
    rerender({ connection: second });
    expect(first.listeners.size).toBe(0);
    const event: AgentEvent = { type: "custom", name: "voice.test", value: 1 };
    second.listeners.forEach((listener) => listener(event));
    expect(heard).toEqual([event]);
    expect(result.current.voice).toBe(voice);
    expect(made).toHaveLength(1);
  });
});
