import type { AgentEvent } from "../codecs/types";
import { isRecord } from "../core/option-checks";

/**
 * The `custom` event names the voice codecs decode to; `AgentVoice` listens for them. Audio
 * frames become `voice.audio` events whose `value` is an `ArrayBuffer` of PCM16 samples.
 */
export const VOICE_EVENT = {
  /** Agent audio: `value` is an `ArrayBuffer` of PCM16 little-endian samples. */
  audio: "voice.audio",
  /** The agent finished its audio for this turn. */
  audioEnd: "voice.audio-end",
  /** The agent stopped talking because the user interrupted it: queued audio is dropped. */
  interrupted: "voice.interrupted",
  /** A transcript: `value` is a {@link VoiceTranscript}. */
  transcript: "voice.transcript",
  /** Any other message of the agent's protocol: `value` is the message as it came. */
  message: "voice.message",
} as const;

/** What was said, by whom; partial transcripts are followed by a `final` one. */
export interface VoiceTranscript {
  role: "user" | "assistant";
  text: string;
  final: boolean;
}

/** A `custom` event as a one-event list. */
export function voiceEvent(name: string, value?: unknown): AgentEvent[] {
  return [{ type: "custom", name, value }];
}

/**
 * Turns transcripts into events: each one a `voice.transcript` event (live captions), and
 * each final one also a whole message (`message-start` with its role, the text,
 * `message-end`), so a conversation store shows voice turns as messages. Partial transcripts
 * are not messages: a final one replaces them, and the store only appends.
 */
export function transcriptEvents(): (transcript: VoiceTranscript) => AgentEvent[] {
  const prefix = `voice-${Math.random().toString(36).slice(2, 10)}-`;
  let count = 0;
  return (transcript) => {
    const events = voiceEvent(VOICE_EVENT.transcript, transcript);
    if (!transcript.final || transcript.text === "") return events;
    const messageId = prefix + String(++count);
    events.push(
      { type: "message-start", messageId, role: transcript.role },
      { type: "text-delta", messageId, delta: transcript.text },
      { type: "message-end", messageId },
    );
    return events;
  };
}

/** Parses a text frame as a JSON object; `undefined` when it is not one. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A whole tool call the agent made, as the events a conversation store shows: the call with
 * its arguments (JSON text), ended, in an assistant message of its own (named after the call)
 * that ends with it, so the conversation is not left answering while the tool runs.
 */
export function toolCallEvents(toolCallId: string, name: string, args: string): AgentEvent[] {
  return [
    { type: "tool-call-start", toolCallId, name },
    { type: "tool-call-args", toolCallId, delta: args },
    { type: "tool-call-end", toolCallId },
    { type: "message-end", messageId: toolCallId },
  ];
}
