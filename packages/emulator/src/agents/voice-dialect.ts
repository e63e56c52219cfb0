import type { AgentFrame } from "../agent-types";
import { isRecord } from "../json-record";
import { parseJson } from "./client-frames";

/** What a client frame means to the voice agent, whatever the protocol. */
export type DialectInput =
  /** Audio heard; `reply`: frames the agent sends first (a protocol's greeting). */
  | { kind: "audio"; pcm: Uint8Array; reply?: AgentFrame[] }
  | { kind: "interrupt" }
  /** A protocol frame the agent takes without doing anything (session set-up, typed text). */
  | { kind: "accepted" }
  /** The agent answers with these frames (an error the protocol reports in-band). */
  | { kind: "reply"; frames: AgentFrame[] }
  /** Results of tools the client ran, as it sent them. */
  | { kind: "tool-results"; results: VoiceToolResult[] }
  /** A frame the protocol forbids here: the agent closes the socket. */
  | { kind: "close"; code: number; reason: string };

/** A tool result the client sent: the call's id and the result as text. */
export interface VoiceToolResult {
  toolCallId: string;
  content: string;
}

/** A tool call the agent makes: `result` is the agent's own (the client runs it without). */
export interface VoiceToolCall {
  name: string;
  input: Record<string, unknown>;
  result?: string;
}

/** The formats the client must use and the agent speaks. */
export interface DialectFormat {
  inputRate: number;
  outputRate: number;
}

/**
 * One voice protocol as the agent speaks it: how it reads the client's frames and how it
 * phrases its answer (transcripts, audio, the end of its audio, an interruption).
 */
export interface VoiceDialect {
  readonly name: VoiceDialectName;
  /** Whether the agent hears barge-in in the audio (the protocol has no interrupt frame). */
  readonly hearsBargeIn: boolean;
  read(frame: AgentFrame): DialectInput;
  /** What it heard the user say. */
  userTurn(text: string): AgentFrame[];
  /** The start of an answer: `partial`, then `text`, as the protocol carries them before audio. */
  answerStart(partial: string, text: string): AgentFrame[];
  audio(pcm: Uint8Array): AgentFrame;
  /** The end of the answer's audio, with `text` where the protocol sends it after the audio. */
  answerEnd(text: string): AgentFrame[];
  /** The answer stopped because the user talked over it (or asked it to stop). */
  interrupted(): AgentFrame[];
  /** A tool call `id`, and its result when the agent ran it and the protocol shows results. */
  toolCall(id: string, call: VoiceToolCall): AgentFrame[];
}

/** The protocols of `agentcore-react/voice`'s codecs. */
export type VoiceDialectName = "binary-pcm" | "nova-sonic" | "strands-bidi";

const json = (value: unknown) => JSON.stringify(value);

/** PCM16 samples hold two bytes: an odd count is half a sample. */
export function checkPcm(pcm: Uint8Array): DialectInput {
  if (pcm.byteLength % 2 === 0) return { kind: "audio", pcm };
  return {
    kind: "close",
    code: 1007,
    reason: "PCM16 frames hold whole samples (an even number of bytes)",
  };
}

/** Strict base64 (what both JSON protocols carry audio in), or `undefined`. */
export function decodeBase64(text: unknown): Uint8Array | undefined {
  if (typeof text !== "string" || text.length % 4 !== 0) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, "base64"));
}

/** The binary PCM protocol: binary audio both ways, JSON control messages. */
export function binaryDialect(): VoiceDialect {
  const transcript = (role: string, text: string, final: boolean) =>
    json({ type: "transcript", role, text, final });
  return {
    name: "binary-pcm",
    hearsBargeIn: false,
    read(frame) {
      if (typeof frame !== "string") return checkPcm(frame);
      const message = parseJson(frame);
      const type = isRecord(message) ? message["type"] : undefined;
      if (type === "interrupt") return { kind: "interrupt" };
      if (type === "text") return { kind: "accepted" };
      if (type === "reply" && isRecord(message)) return replyResults(message["toolResults"]);
      const error = 'Expected audio, {"type":"interrupt"}, {"type":"reply"} or {"type":"stats"}';
      return { kind: "reply", frames: [json({ type: "error", message: error })] };
    },
    userTurn: (text) => [transcript("user", text, true)],
    answerStart: (partial, text) => [
      transcript("assistant", partial, false),
      transcript("assistant", text, true),
    ],
    audio: (pcm) => pcm,
    answerEnd: () => [json({ type: "audio-end" })],
    interrupted: () => [json({ type: "interrupted" })],
    toolCall: (toolCallId, { name, input, result }) => [
      json({ type: "tool_call", toolCallId, name, args: input }),
      ...(result === undefined ? [] : [json({ type: "tool_result", toolCallId, content: result })]),
    ],
  };
}

/** `{"type":"reply","toolResults":[{"toolCallId","content"}]}`'s results. */
function replyResults(toolResults: unknown): DialectInput {
  const list: unknown[] = Array.isArray(toolResults) ? toolResults : [];
  const results = list.flatMap((result) => {
    if (!isRecord(result)) return [];
    const { toolCallId, content } = result;
    return typeof toolCallId === "string" && typeof content === "string"
      ? [{ toolCallId, content }]
      : [];
  });
  return { kind: "tool-results", results };
}

/** Which protocol a client speaks, from its first frame: binary audio, `{"event":…}` or `{"type":"bidi_…"}`. */
export function sniffDialect(frame: AgentFrame): VoiceDialectName {
  if (typeof frame !== "string") return "binary-pcm";
  const message = parseJson(frame);
  if (isRecord(message) && isRecord(message["event"])) return "nova-sonic";
  const type = isRecord(message) ? message["type"] : undefined;
  return typeof type === "string" && type.startsWith("bidi_") ? "strands-bidi" : "binary-pcm";
}
