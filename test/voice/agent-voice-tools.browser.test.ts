import type { AgentEvent } from "../../src/codecs/types";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { ToolRunner } from "../../src/store/tool-runner";
import {
  binaryPcmCodec,
  novaSonicCodec,
  strandsBidiCodec,
  VOICE_EVENT,
  type VoiceCodec,
  type VoiceTranscript,
} from "../../src/voice";
import { agentStats, call, endCalls } from "./voice-call";

afterEach(endCalls);

const heardUser = (event: AgentEvent) =>
  event.type === "custom" &&
  event.name === VOICE_EVENT.transcript &&
  (event.value as VoiceTranscript).role === "user";

/**
 * The agent calls `get_time` with `{"zone":"UTC"}` after the user's first turn. It ran the tool
 * itself ("12:00") where the protocol shows results; over Nova Sonic, which does not, the
 * browser runs it and sends the result back in Nova's framing.
 */
describe.each([
  ["binary-pcm", binaryPcmCodec, "12:00"],
  ["nova-sonic", novaSonicCodec, "12:00 UTC"],
  ["strands-bidi", strandsBidiCodec, "12:00"],
] as [string, () => VoiceCodec, string][])(
  "a voice agent's tool call over %s in Chromium",
  (protocol, makeCodec, result) => {
    it("reaches the conversation as a tool call with its arguments and result", async () => {
      const { voice, connection, transport, events } = call(
        { mode: "push-to-talk" },
        makeCodec(),
        "voiceToolEmulator",
      );
      const store = createConversationStore({ connection });
      const runner = new ToolRunner(store);
      const clientTools = { get_time: () => "12:00 UTC" };
      if (protocol === "nova-sonic") runner.options = { tools: clientTools };
      const stopRunner = runner.start();
      await voice.start();
      voice.pressToTalk();
      await expect.poll(() => events.some(heardUser), { timeout: 20_000 }).toBe(true);
      voice.release();
      const toolCalls = () =>
        store
          .getState()
          .messages.flatMap(({ role, status, parts }) =>
            parts.flatMap((part) => (part.type === "tool-call" ? [{ role, status, part }] : [])),
          );
      await expect.poll(() => toolCalls()[0]?.part.result, { timeout: 20_000 }).toBe(result);
      const [shown] = toolCalls();
      expect(toolCalls()).toHaveLength(1);
      expect(shown).toMatchObject({
        role: "assistant",
        status: "complete",
        part: { name: "get_time", args: '{"zone":"UTC"}', status: "complete" },
      });
      // The tool call sits between the user's turn and the spoken answer.
      await expect
        .poll(() => store.getState().messages.map(({ role }) => role), { timeout: 20_000 })
        .toEqual(["user", "assistant", "assistant"]);
      if (protocol === "nova-sonic") {
        const stats = await agentStats(transport, events);
        expect((stats as { toolResults?: unknown }).toolResults).toEqual([
          { toolCallId: shown?.part.toolCallId, content: '{"text":"12:00 UTC"}' },
        ]);
      }
      stopRunner();
    });
  },
);
