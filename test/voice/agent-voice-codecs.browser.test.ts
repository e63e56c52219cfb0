import type { AgentEvent } from "../../src/codecs/types";
import { createConversationStore } from "../../src/store/create-conversation-store";
import {
  novaSonicCodec,
  strandsBidiCodec,
  voiceTransport,
  VOICE_EVENT,
  type VoiceCodec,
  type VoiceTranscript,
} from "../../src/voice";
import { agentStats, arrivalRate, call, endCalls } from "./voice-call";

afterEach(endCalls);

const named = (name: string) => (event: AgentEvent) =>
  event.type === "custom" && event.name === name;
const heardUser = (event: AgentEvent) =>
  named(VOICE_EVENT.transcript)(event) &&
  (event as { value: VoiceTranscript }).value.role === "user";

/**
 * Starts the call and holds push-to-talk until the agent has heard a turn (a second of speech),
 * then lets go, so the agent speaks uninterrupted; resolves once it does.
 */
async function speakOneTurn(voice: ReturnType<typeof call>["voice"], events: AgentEvent[]) {
  await voice.start();
  voice.pressToTalk();
  await expect.poll(() => events.some(heardUser), { timeout: 20_000 }).toBe(true);
  voice.release();
  await expect.poll(() => voice.getSnapshot().state, { timeout: 20_000 }).toBe("agent-speaking");
}

/** The first audio frames the codec sends, as the agent must read them. */
const audioFrame: Record<string, (frame: Record<string, unknown>) => string | undefined> = {
  "nova-sonic": (frame) => {
    const audio = (frame.event as { audioInput?: { content?: unknown } } | undefined)?.audioInput;
    return typeof audio?.content === "string" ? audio.content : undefined;
  },
  "strands-bidi": (frame) =>
    frame.type === "bidi_audio_input" && frame.sample_rate === 16_000 && frame.format === "pcm"
      ? String(frame.audio)
      : undefined,
};

describe.each([
  ["nova-sonic", novaSonicCodec],
  ["strands-bidi", strandsBidiCodec],
] as [string, () => VoiceCodec][])(
  "AgentVoice over %s in Chromium, against the emulator",
  (protocol, makeCodec) => {
    it("sends the microphone in the protocol's frames at 16 000 samples per second (within 1%)", async () => {
      const inner = voiceTransport();
      const sent: string[] = [];
      let last: string[] = [];
      const transport = {
        WebSocket: inner.WebSocket,
        get sockets() {
          return inner.sockets;
        },
        send: (frame: string | ArrayBuffer) => {
          if (typeof frame === "string" && sent.length < 50) sent.push(frame);
          if (typeof frame === "string") last = [...last.slice(-2), frame];
          return inner.send(frame);
        },
      };
      const { voice, events } = call({ transport }, makeCodec());
      await voice.start();
      await expect
        .poll(async () => (await agentStats(inner, events)).samples, {
          timeout: 30_000,
          interval: 500,
        })
        .toBeGreaterThanOrEqual(6 * 16_000);
      const stats = await agentStats(inner, events, true);
      const rate = arrivalRate(stats.arrivals ?? []);
      console.warn(`voice capture over ${protocol}: ${rate.toFixed(1)} samples/s at the agent`);
      expect(stats.protocol).toBe(protocol);
      expect(Math.abs(rate - 16_000) / 16_000).toBeLessThan(0.01);
      expect(stats.bytes / stats.frames).toBe(1280);
      // Every audio frame is JSON carrying 40 ms of PCM16 as base64, well under 32 KB.
      const audio = sent.flatMap((frame) => {
        const content = audioFrame[protocol]?.(JSON.parse(frame) as Record<string, unknown>);
        return content === undefined ? [] : [{ frame, content }];
      });
      expect(audio.length).toBeGreaterThan(10);
      expect(audio.every(({ content }) => atob(content).length === 1280)).toBe(true);
      expect(Math.max(...audio.map(({ frame }) => frame.length))).toBeLessThan(2_048);
      // The call opens with the protocol's opening events and closes with its closing ones.
      voice.stop();
      if (protocol === "nova-sonic") {
        const eventName = (frame: string) =>
          Object.keys((JSON.parse(frame) as { event: object }).event)[0];
        expect(sent.slice(0, 3).map(eventName)).toEqual([
          "sessionStart",
          "promptStart",
          "contentStart",
        ]);
        expect(last.map(eventName)).toEqual(["contentEnd", "promptEnd", "sessionEnd"]);
      }
    });

    it("plays the agent's answer (0 underruns) and its transcripts land in the conversation as messages", async () => {
      const { voice, connection, events } = call(
        { mode: "push-to-talk", prebufferMs: 200 },
        makeCodec(),
      );
      const store = createConversationStore({ connection });
      const unsubscribe = store.subscribe(() => undefined);
      await speakOneTurn(voice, events);
      await expect.poll(() => voice.getSnapshot().state, { timeout: 20_000 }).toBe("listening");
      const { played, underruns, contextRate } = voice.stats;
      console.warn(
        `voice playback over ${protocol}: ${played} samples at ${contextRate} Hz, ${underruns} underruns`,
      );
      expect(underruns).toBe(0);
      expect(events.some(named(VOICE_EVENT.interrupted))).toBe(false);
      expect(played).toBe(Math.round((38 * 960 * contextRate) / 24_000) - 1);
      await expect
        .poll(() => store.getState().messages.map(({ role, text }) => ({ role, text })))
        .toEqual([
          { role: "user", text: "(1.00 s of audio)" },
          { role: "assistant", text: "Answer 1: a 440 Hz tone for 1.50 s." },
        ]);
      unsubscribe();
    });

    it("barge-in flushes at once; the agent hears the user and stops in its own way", async () => {
      const { voice, events } = call({ mode: "push-to-talk" }, makeCodec());
      await speakOneTurn(voice, events);
      const from = events.length;
      const pressedAt = performance.now();
      voice.pressToTalk(); // talking over the agent: flushes here, and the agent hears it
      await expect.poll(() => voice.getSnapshot().state).toBe("listening");
      console.warn(
        `voice barge-in over ${protocol}: silent ${(performance.now() - pressedAt).toFixed(1)} ms after`,
      );
      expect(voice.stats.queued).toBe(0);
      await expect
        .poll(() => events.slice(from).some(named(VOICE_EVENT.interrupted)), { timeout: 20_000 })
        .toBe(true);
      voice.release();
      // The agent's acknowledgement is not a second barge-in, and no audio follows it.
      expect(voice.stats.flushes).toBe(1);
      const ack = from + events.slice(from).findIndex(named(VOICE_EVENT.interrupted));
      const rest = events.slice(ack + 1);
      const next = rest.findIndex(named(VOICE_EVENT.transcript));
      expect((next === -1 ? rest : rest.slice(0, next)).filter(named(VOICE_EVENT.audio))).toEqual(
        [],
      );
      expect(voice.getSnapshot().state).toBe("listening");
    });

    it("opens the call again on the new socket after a reconnect: frames flow in the protocol", async () => {
      const { voice, connection, transport, events } = call({}, makeCodec());
      await voice.start();
      await expect.poll(() => voice.stats.framesSent, { timeout: 20_000 }).toBeGreaterThan(5);
      const before = await agentStats(transport, events);
      connection.reconnect();
      await expect.poll(() => connection.getSnapshot().status).not.toBe("open");
      await expect.poll(() => connection.getSnapshot().status, { timeout: 20_000 }).toBe("open");
      const sent = voice.stats.framesSent;
      await expect
        .poll(() => voice.stats.framesSent, { timeout: 20_000 })
        .toBeGreaterThan(sent + 5);
      // The agent counts per connection, and closes one whose audio comes before the opening.
      const after = await agentStats(transport, events);
      expect(after).toMatchObject({ protocol });
      expect(after.frames).toBeGreaterThan(0);
      expect(after.firstFrameAt ?? 0).toBeGreaterThan(before.lastFrameAt ?? Infinity);
      expect(connection.getSnapshot().status).toBe("open");
    });
  },
);
