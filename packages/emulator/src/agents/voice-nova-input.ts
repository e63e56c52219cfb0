import { isRecord } from "../json-record";
import { parseJson } from "./client-frames";
import type { AgentFrame } from "../agent-types";
import {
  checkPcm,
  decodeBase64,
  type DialectFormat,
  type DialectInput,
  type VoiceToolResult,
} from "./voice-dialect";

type Body = Record<string, unknown>;

/** `{"event":{"<name>":body}}` as text. */
export function novaFrame(name: string, body: Body): string {
  return JSON.stringify({ event: { [name]: body } });
}

/** PCM16 mono at `rate` as Nova Sonic's audio configurations say it. */
export function isPcm16Mono(configuration: unknown, rate: number): configuration is Body {
  if (!isRecord(configuration)) return false;
  const { mediaType, sampleRateHertz, sampleSizeBits, channelCount } = configuration;
  return (
    mediaType === "audio/lpcm" &&
    sampleRateHertz === rate &&
    sampleSizeBits === 16 &&
    channelCount === 1
  );
}

const fail = (reason: string): DialectInput => ({ kind: "close", code: 1007, reason });

/**
 * The client's side of a Nova Sonic session, checked in order: sessionStart, promptStart
 * (base64 PCM16 mono out at the output rate), then contents; audioInput only inside the open
 * interactive USER AUDIO content (PCM16 mono at the input rate) of that prompt; toolResult
 * only inside a TOOL content naming the toolUseId it answers.
 */
export class NovaInput {
  readonly #format: DialectFormat;
  #stage: "session" | "prompt" | "content" | "open" = "session";
  #audioContent: unknown;
  /** The open TOOL contents: contentName to the toolUseId it answers. */
  readonly #toolContents = new Map<unknown, string>();
  promptName: unknown;

  constructor(format: DialectFormat) {
    this.#format = format;
  }

  /** One frame: one event, or the lines of a typed text content (one event each). */
  read(data: AgentFrame): DialectInput {
    if (typeof data !== "string") return fail('Expected {"event":{…}} JSON, not binary frames');
    let result: DialectInput = { kind: "accepted" };
    const results: VoiceToolResult[] = [];
    for (const line of data.split("\n")) {
      const event = parseJson(line);
      const inner = isRecord(event) ? event["event"] : undefined;
      const [name] = isRecord(inner) ? Object.keys(inner) : [];
      const body = isRecord(inner) && name !== undefined ? inner[name] : undefined;
      if (name === undefined || !isRecord(body)) return fail('Expected {"event":{"<name>":{…}}}');
      result = this.#event(name, body);
      if (result.kind === "close") return result;
      if (result.kind === "tool-results") results.push(...result.results);
    }
    return results.length > 0 ? { kind: "tool-results", results } : result;
  }

  #event(name: string, body: Body): DialectInput {
    if (name === "sessionStart" && this.#stage === "session") {
      this.#stage = "prompt";
      return { kind: "accepted" };
    }
    if (name === "promptStart" && this.#stage === "prompt") return this.#promptStart(body);
    if (this.#stage === "session" || this.#stage === "prompt")
      return fail(`${name} before sessionStart and promptStart`);
    if (name !== "sessionEnd" && body["promptName"] !== this.promptName)
      return fail(`${name} names another prompt`);
    switch (name) {
      case "contentStart":
        if (body["type"] === "TOOL") return this.#toolStart(body);
        return body["type"] === "AUDIO" ? this.#audioStart(body) : { kind: "accepted" };
      case "toolResult": {
        const toolCallId = this.#toolContents.get(body["contentName"]);
        const content = body["content"];
        if (toolCallId === undefined || typeof content !== "string")
          return fail("toolResult outside an open TOOL content, or without content text");
        return { kind: "tool-results", results: [{ toolCallId, content }] };
      }
      case "audioInput": {
        if (this.#stage !== "open" || body["contentName"] !== this.#audioContent)
          return fail("audioInput outside the open AUDIO content");
        const pcm = decodeBase64(body["content"]);
        return pcm ? checkPcm(pcm) : fail("audioInput content is not base64");
      }
      case "contentEnd":
        this.#toolContents.delete(body["contentName"]);
        if (body["contentName"] === this.#audioContent) this.#stage = "content";
        return { kind: "accepted" };
      case "textInput":
      case "promptEnd":
      case "sessionEnd":
        return { kind: "accepted" };
      default:
        return fail(`Unexpected event ${name}`);
    }
  }

  #promptStart(body: Body): DialectInput {
    const output = body["audioOutputConfiguration"];
    const rate = this.#format.outputRate;
    if (typeof body["promptName"] !== "string") return fail("promptStart without promptName");
    if (!isPcm16Mono(output, rate) || output["encoding"] !== "base64")
      return fail(`promptStart must ask for base64 PCM16 mono at ${rate} Hz`);
    this.promptName = body["promptName"];
    this.#stage = "content";
    const started = novaFrame("completionStart", {
      promptName: this.promptName,
      completionId: "completion-1",
    });
    return { kind: "reply", frames: [started] };
  }

  /** A TOOL content carries the result of the tool use its configuration names. */
  #toolStart(body: Body): DialectInput {
    const configuration = body["toolResultInputConfiguration"];
    const toolUseId = isRecord(configuration) ? configuration["toolUseId"] : undefined;
    if (body["role"] !== "TOOL" || typeof toolUseId !== "string")
      return fail("A TOOL content has role TOOL and names its toolUseId");
    this.#toolContents.set(body["contentName"], toolUseId);
    return { kind: "accepted" };
  }

  #audioStart(body: Body): DialectInput {
    if (body["role"] !== "USER" || body["interactive"] !== true)
      return fail("Audio input is an interactive USER content");
    const rate = this.#format.inputRate;
    if (!isPcm16Mono(body["audioInputConfiguration"], rate))
      return fail(`audioInputConfiguration must be PCM16 mono at ${rate} Hz`);
    this.#audioContent = body["contentName"];
    this.#stage = "open";
    return { kind: "accepted" };
  }
}
