import { StrictMode } from "react";
import { act, renderHook } from "@testing-library/react";
import { useAgentVoice } from "./use-agent-voice";
import { voiceTransport } from "../voice/voice-transport";
import { AgentVoiceError } from "../voice/errors";

const options = () => ({
  connection: { onEvent: () => () => undefined },
  transport: voiceTransport(),
});

describe("useAgentVoice", () => {
  it("starts idle and stays idle through StrictMode's mount, unmount and mount", () => {
    const { result } = renderHook(() => useAgentVoice(options()), { wrapper: StrictMode });
    expect(result.current).toMatchObject({
      state: "idle",
      mode: "hands-free",
      muted: false,
      error: null,
    });
  });

  it("keeps one AgentVoice across renders and re-renders on its changes", () => {
    const { result, rerender } = renderHook(() => useAgentVoice(options()));
    const voice = result.current.voice;
    rerender();
    expect(result.current.voice).toBe(voice);
    act(() => voice.mute());
    expect(result.current.muted).toBe(true);
  });

  it("shows a page that cannot capture audio as failed with an unsupported error", async () => {
    // jsdom has neither getUserMedia nor AudioWorklet, like an insecure context.
    const { result } = renderHook(() => useAgentVoice(options()));
    await act(() => result.current.voice.start());
    expect(result.current.state).toBe("failed");
    expect(result.current.error).toBeInstanceOf(AgentVoiceError);
    expect(result.current.error?.code).toBe("unsupported");
  });

  it("stops the call on unmount", async () => {
    const { result, unmount } = renderHook(() => useAgentVoice(options()));
    const voice = result.current.voice;
    await act(() => voice.start());
    unmount();
    expect(voice.getSnapshot().state).toBe("stopped");
  });
});
