import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import WebSocket from "ws";
import { startEmulator, type Emulator } from "agentcore-react-emulator";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import type { AgentEvent } from "../../src/codecs/types";
import { bearerTokenProvider } from "../../src/providers/bearer-token-provider";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { binaryPcmCodec, voiceTransport, VOICE_EVENT, type VoiceTranscript } from "../../src/voice";
import { freePort, freshTerminalEnvironment, start, type Started } from "../support/processes";
import { pageBlocks, REPO_ROOT } from "./code-blocks";

/**
 * docs/voice.md's minimal binary-PCM agent, as written, run as an agent container behind the
 * emulator (`forward`), and talked to with the library's connection and binary PCM codec: a
 * second of audio in, the agent's transcript, tone and audio-end out.
 */

const TOKEN = "minimal-voice-agent-token";
let agent: Started | undefined;
let emulator: Emulator | undefined;

function minimalAgentSource(): string {
  const blocks = pageBlocks("docs/voice.md");
  const page = blocks.filter(
    (block) => block.lang === "ts" && block.code.includes("WebSocketServer"),
  );
  if (page.length !== 1)
    throw new Error(`docs/voice.md has ${page.length} minimal agents in TypeScript`);
  return (page[0] as { code: string }).code;
}

beforeAll(async () => {
  const dir = join(REPO_ROOT, "test-results/docs");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "minimal-voice-agent.ts");
  writeFileSync(file, minimalAgentSource());
  const port = await freePort();
  agent = await start(process.execPath, ["--import", "tsx", file], {
    cwd: REPO_ROOT,
    env: { ...freshTerminalEnvironment(), PORT: String(port) },
    ready: /voice agent on port \d+/,
  });
  emulator = await startEmulator({ bearerTokens: [TOKEN], forward: `http://127.0.0.1:${port}` });
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await agent?.stop();
});

describe("docs/voice.md's minimal agent", () => {
  it("answers a second of audio with its transcript, half a second of 24 kHz tone and audio-end", async () => {
    if (!emulator) throw new Error("not started");
    const transport = voiceTransport(WebSocket);
    const codec = binaryPcmCodec();
    const connection = new AgentRuntimeConnection({
      urlProvider: bearerTokenProvider({
        runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/docs_voice-Abc123XyZ",
        endpoint: emulator.url,
        getToken: () => TOKEN,
      }),
      codec,
      WebSocket: transport.WebSocket,
    });
    const store = createConversationStore({ connection });
    const events: AgentEvent[] = [];
    connection.onEvent((event) => events.push(event));
    const named = (name: string) => (event: AgentEvent) =>
      event.type === "custom" && event.name === name;
    try {
      connection.connect();
      await expect.poll(() => connection.getSnapshot().status, { timeout: 20_000 }).toBe("open");
      // A second of 16 kHz PCM16 in 40 ms frames, as AgentVoice sends it.
      for (let i = 0; i < 25; i++) expect(transport.send(new ArrayBuffer(1280))).toBe(true);
      await expect
        .poll(() => events.some(named(VOICE_EVENT.audioEnd)), { timeout: 20_000 })
        .toBe(true);

      const transcript = events.find(named(VOICE_EVENT.transcript));
      expect(transcript?.type === "custom" && (transcript.value as VoiceTranscript)).toEqual({
        role: "assistant",
        text: "I heard a second of audio.",
        final: true,
      });
      const audioBytes = events
        .filter(named(VOICE_EVENT.audio))
        .reduce(
          (sum, event) =>
            sum + (event.type === "custom" ? (event.value as ArrayBuffer).byteLength : 0),
          0,
        );
      expect(audioBytes).toBe(0.5 * 24_000 * 2);
      expect(store.getState().messages.map(({ role, text }) => ({ role, text }))).toEqual([
        { role: "assistant", text: "I heard a second of audio." },
      ]);
    } finally {
      connection.close();
    }
  });
});
