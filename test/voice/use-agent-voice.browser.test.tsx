import { StrictMode, useState } from "react";
import { cleanup, render, screen } from "@testing-library/react";
import { inject } from "vitest";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { bearerTokenProvider } from "../../src/providers/bearer-token-provider";
import { binaryPcmCodec, useAgentVoice, voiceTransport, type AgentVoice } from "../../src/voice";

// A real app's scheduling: updates come from the socket and the audio, not from act().
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(cleanup);

let call: AgentVoice | undefined;

/** A voice thread as docs/voice.md shows it: the hook's connection, given to useAgentVoice. */
function VoiceThread() {
  const { endpoint, runtimeArn, token } = inject("voiceEmulator");
  const [transport] = useState(() => voiceTransport());
  const [codec] = useState(() => binaryPcmCodec());
  const [urlProvider] = useState(() =>
    bearerTokenProvider({ runtimeArn, endpoint, getToken: () => token }),
  );
  const { connection, messages, status } = useAgentRuntimeSocket({
    urlProvider,
    codec,
    WebSocket: transport.WebSocket,
  });
  const { state, voice } = useAgentVoice({
    connection,
    transport,
    codec,
    mode: "push-to-talk",
    bargeInLevel: false,
  });
  call = voice;
  return (
    <>
      <p data-testid="status">{status}</p>
      <p data-testid="state">{state}</p>
      <ol>
        {messages.map((message) => (
          <li key={message.id}>{`${message.role}: ${message.text}`}</li>
        ))}
      </ol>
    </>
  );
}

describe("useAgentVoice on useAgentRuntimeSocket's connection, in Chromium against the emulator", () => {
  it("puts both sides of a spoken turn in the hook's messages, under StrictMode", async () => {
    render(
      <StrictMode>
        <VoiceThread />
      </StrictMode>,
    );
    await expect
      .poll(() => screen.getByTestId("status").textContent, { timeout: 20_000 })
      .toBe("open");
    const voice = call as AgentVoice;
    await voice.start();
    voice.pressToTalk();
    await screen.findByText("user: (1.00 s of audio)", undefined, { timeout: 20_000 });
    voice.release();
    await screen.findByText("assistant: Answer 1: a 440 Hz tone for 1.50 s.", undefined, {
      timeout: 20_000,
    });
    expect(screen.getByTestId("state").textContent).toMatch(/agent-speaking|listening/);
    voice.stop();
  });
});
