import type { AgentEvent, IncomingFrame, StreamDecoder } from "../codecs/types";
import { frameToText } from "../codecs/frame-text";
import { isRecord } from "../core/option-checks";
import { fromBase64 } from "./base64";
import {
  novaId,
  novaSonicFraming,
  novaTextContent,
  type NovaSonicOptions,
} from "./nova-sonic-framing";
import { novaToolResults, novaToolUseEvents } from "./nova-sonic-tools";
import type { VoiceCodec } from "./voice-codec";
import { jsonObject, transcriptEvents, VOICE_EVENT, voiceEvent } from "./voice-events";

export type { NovaSonicOptions } from "./nova-sonic-framing";

const MALFORMED: AgentEvent = {
  type: "error",
  message: 'The Nova Sonic codec could not read a frame ({"event":{…}} JSON expected)',
  code: "malformed-frame",
};

/** What a `contentStart` said about the content its id names. */
interface Content {
  role: unknown;
  type: unknown;
  speculative: boolean;
}

/** Nova's `additionalModelFields` is JSON text: `{"generationStage":"SPECULATIVE"|"FINAL"}`. */
function speculative(fields: unknown): boolean {
  if (typeof fields !== "string") return false;
  return jsonObject(fields)?.generationStage === "SPECULATIVE";
}

/** Nova's barge-in signal: a textOutput whose content is `{ "interrupted" : true }`. */
function isInterruption(content: string): boolean {
  return content.startsWith("{") && jsonObject(content)?.interrupted === true;
}

/** Decodes one socket's Nova Sonic output events; remembers each content's role and stage. */
function novaDecoder(): StreamDecoder {
  const contents = new Map<unknown, Content>();
  const transcripts = transcriptEvents();
  // Nova signals one barge-in twice (the interrupted text, the AUDIO content's INTERRUPTED end).
  let interrupted = false;
  const handle = (name: string, body: Record<string, unknown>): AgentEvent[] => {
    const content = contents.get(body.contentId);
    switch (name) {
      case "contentStart":
        if (body.type === "AUDIO") interrupted = false;
        contents.set(body.contentId, {
          role: body.role,
          type: body.type,
          speculative: speculative(body.additionalModelFields),
        });
        return [];
      case "textOutput": {
        const text = body.content;
        if (typeof text !== "string") return [MALFORMED];
        if (isInterruption(text)) {
          interrupted = true;
          return voiceEvent(VOICE_EVENT.interrupted);
        }
        const role = body.role ?? content?.role;
        if (role !== "USER" && role !== "ASSISTANT") return voiceEvent(VOICE_EVENT.message, body);
        const final = !content?.speculative;
        return transcripts({ role: role === "USER" ? "user" : "assistant", text, final });
      }
      case "audioOutput": {
        const pcm = typeof body.content === "string" ? fromBase64(body.content) : undefined;
        return pcm ? voiceEvent(VOICE_EVENT.audio, pcm) : [MALFORMED];
      }
      case "contentEnd": {
        contents.delete(body.contentId);
        if ((body.type ?? content?.type) !== "AUDIO") return [];
        const signal = body.stopReason === "INTERRUPTED" && !interrupted;
        interrupted = false;
        return voiceEvent(signal ? VOICE_EVENT.interrupted : VOICE_EVENT.audioEnd);
      }
      case "toolUse":
        return novaToolUseEvents(body) ?? [MALFORMED];
      default:
        // completionStart, completionEnd, usageEvent and events yet to come.
        return voiceEvent(VOICE_EVENT.message, { [name]: body });
    }
  };
  return {
    decode(frame: IncomingFrame): AgentEvent[] {
      const message = jsonObject(frameToText(frame));
      if (!message) return [MALFORMED];
      const { event } = message;
      // A JSON object of the agent's own beside Nova's events (its status, its stats).
      if (event === undefined) return voiceEvent(VOICE_EVENT.message, message);
      if (!isRecord(event)) return [MALFORMED];
      const [name] = Object.keys(event);
      const body = name === undefined ? undefined : event[name];
      return name !== undefined && isRecord(body) ? handle(name, body) : [MALFORMED];
    },
  };
}

/**
 * The codec of agents that relay Amazon Nova Sonic's bidirectional event stream
 * (docs/voice.md): every frame is one JSON event `{"event":{…}}` both ways.
 *
 * - client to agent: on each socket `sessionStart`, `promptStart` (24 kHz PCM16 speech out,
 *   `voiceId`), an interactive USER `contentStart` of 16 kHz PCM16 audio, then `audioInput`
 *   events (base64 PCM); on `stop()` `contentEnd`, `promptEnd`, `sessionEnd`. Typed text
 *   (`connection.send("…")`) is one text frame holding the three events of a USER text
 *   content, one per line.
 * - agent to client: `audioOutput` (base64 PCM, 24 kHz), `textOutput` (USER: what was heard;
 *   ASSISTANT: what it says, SPECULATIVE before the audio, FINAL after; final ones become
 *   messages in the conversation), `{ "interrupted" : true }` text and an AUDIO `contentEnd`
 *   with `stopReason` `INTERRUPTED` (barge-in), `toolUse` (a tool call in the conversation);
 *   `completionStart`/`End` and `usageEvent` become `voice.message` events.
 * - the results of tools the browser ran (`encodeReply`): per result a TOOL content naming
 *   the `toolUseId` (`contentStart`, `toolResult`, `contentEnd`), one event per line.
 *
 * Nova Sonic has no client interrupt event: it hears the user talk over it.
 */
export function novaSonicCodec(options: NovaSonicOptions = {}): VoiceCodec {
  const promptName = `prompt-${novaId()}`;
  const shared = novaDecoder();
  return {
    name: "nova-sonic",
    encode: (text) => novaTextContent(promptName, "USER", text).join("\n"),
    encodeReply: (reply) => novaToolResults(promptName, reply),
    voice: (format) => novaSonicFraming(promptName, options, format),
    decode: (frame) => shared.decode(frame),
    createDecoder: novaDecoder,
  };
}
