import type { AgentFrame } from "../agent-types";
import type { DialectFormat, VoiceDialect, VoiceToolCall } from "./voice-dialect";
import { NovaInput, novaFrame } from "./voice-nova-input";

/** A tool call as Nova sends it: a TOOL content holding `toolUse` (the input as JSON text). */
function toolUse(names: Record<string, unknown>, toolUseId: string, call: VoiceToolCall) {
  return [
    novaFrame("contentStart", {
      ...names,
      type: "TOOL",
      role: "TOOL",
      toolUseOutputConfiguration: { mediaType: "application/json" },
    }),
    novaFrame("toolUse", {
      ...names,
      role: "TOOL",
      toolUseId,
      toolName: call.name,
      content: JSON.stringify(call.input),
    }),
    novaFrame("contentEnd", { ...names, type: "TOOL", stopReason: "TOOL_USE" }),
  ];
}

/**
 * Amazon Nova Sonic's bidirectional events as an agent relays them, one `{"event":{…}}` per
 * frame. It reads the client's events with {@link NovaInput}'s checks. Its answers: USER and
 * ASSISTANT text contents (SPECULATIVE before the audio, FINAL after), an ASSISTANT AUDIO
 * content of audioOutput events (base64), and on barge-in `{ "interrupted" : true }` text and
 * an AUDIO contentEnd with stopReason INTERRUPTED; a tool call as a TOOL content holding
 * `toolUse`.
 */
export function novaDialect(format: DialectFormat): VoiceDialect {
  const input = new NovaInput(format);
  let contents = 0;
  const ids = () => ({
    promptName: input.promptName,
    completionId: "completion-1",
    contentId: `content-${++contents}`,
  });
  const text = (role: string, generationStage: string, content: string, stopReason: string) => {
    const names = ids();
    return [
      novaFrame("contentStart", {
        ...names,
        type: "TEXT",
        role,
        additionalModelFields: JSON.stringify({ generationStage }),
        textOutputConfiguration: { mediaType: "text/plain" },
      }),
      novaFrame("textOutput", { ...names, role, content }),
      novaFrame("contentEnd", { ...names, type: "TEXT", stopReason }),
    ];
  };
  let speaking: Record<string, unknown> = {};
  const endAudio = (stopReason: string): AgentFrame[] => [
    novaFrame("contentEnd", { ...speaking, type: "AUDIO", stopReason }),
  ];
  const audioOutputConfiguration = {
    mediaType: "audio/lpcm",
    sampleRateHertz: format.outputRate,
    sampleSizeBits: 16,
    channelCount: 1,
  };
  return {
    name: "nova-sonic",
    hearsBargeIn: true,
    read: (data) => input.read(data),
    userTurn: (content) => text("USER", "FINAL", content, "END_TURN"),
    // Nova's SPECULATIVE text is the whole answer it plans to say, not a fragment.
    answerStart(_partial, content) {
      speaking = ids();
      const audio = { ...speaking, type: "AUDIO", role: "ASSISTANT", audioOutputConfiguration };
      const planned = text("ASSISTANT", "SPECULATIVE", content, "PARTIAL_TURN");
      return [...planned, novaFrame("contentStart", audio)];
    },
    audio: (pcm) =>
      novaFrame("audioOutput", { ...speaking, content: Buffer.from(pcm).toString("base64") }),
    answerEnd: (content) => [
      ...endAudio("END_TURN"),
      ...text("ASSISTANT", "FINAL", content, "END_TURN"),
    ],
    interrupted: () => [
      ...text("ASSISTANT", "SPECULATIVE", '{ "interrupted" : true }', "INTERRUPTED"),
      ...endAudio("INTERRUPTED"),
    ],
    // Nova shows no tool results: the agent (or here, the client) writes them into the stream.
    toolCall: (toolUseId, call) => toolUse(ids(), toolUseId, call),
  };
}
