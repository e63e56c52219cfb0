import { toBase64 } from "./base64";
import type { VoiceCallFormat, VoiceFraming } from "./voice-codec";

/** Options of `novaSonicCodec()`: what the client's `sessionStart` and `promptStart` ask for. */
export interface NovaSonicOptions {
  /** The voice of the agent's speech. Default `matthew`. */
  voiceId?: string;
  /** `sessionStart.inferenceConfiguration`. Default `{ maxTokens: 1024, topP: 0.9, temperature: 0.7 }`. */
  inferenceConfiguration?: Record<string, unknown>;
  /** A system prompt, sent as the SYSTEM text content after `promptStart`. */
  systemPrompt?: string;
  /** `promptStart.toolConfiguration` (Nova's `{ tools: [{ toolSpec }] }`), for an agent that relays it. */
  toolConfiguration?: Record<string, unknown>;
}

type NovaEvent = Record<string, unknown>;

/** `{"event":{"<name>":body}}` as text: one Nova Sonic event per frame. */
export function novaFrame(name: string, body: NovaEvent): string {
  return JSON.stringify({ event: { [name]: body } });
}

/** A fresh name for a Nova prompt or content. */
export function novaId(): string {
  return Math.random().toString(36).slice(2, 12);
}

function pcmConfiguration(sampleRateHertz: number): NovaEvent {
  return { mediaType: "audio/lpcm", sampleRateHertz, sampleSizeBits: 16, channelCount: 1 };
}

/** A text content of `role` (contentStart, textInput, contentEnd) as three frames. */
export function novaTextContent(
  promptName: string,
  role: "USER" | "SYSTEM",
  content: string,
): string[] {
  const contentName = novaId();
  const names = { promptName, contentName };
  return [
    novaFrame("contentStart", {
      ...names,
      type: "TEXT",
      interactive: role === "USER",
      role,
      textInputConfiguration: { mediaType: "text/plain" },
    }),
    novaFrame("textInput", { ...names, content }),
    novaFrame("contentEnd", names),
  ];
}

/**
 * One call's Nova Sonic input events: on each socket sessionStart, promptStart (24 kHz PCM16
 * speech and text out), the system prompt, and an interactive USER AUDIO content whose
 * audioInput events carry the microphone as base64; on stop, contentEnd, promptEnd and
 * sessionEnd. No interrupt event: Nova Sonic hears the user talk over it.
 */
export function novaSonicFraming(
  promptName: string,
  options: NovaSonicOptions,
  format: VoiceCallFormat,
): VoiceFraming {
  let contentName = novaId();
  const audioOutputConfiguration = {
    ...pcmConfiguration(format.outputRate),
    voiceId: options.voiceId ?? "matthew",
    encoding: "base64",
    audioType: "SPEECH",
  };
  const tools = options.toolConfiguration
    ? {
        toolUseOutputConfiguration: { mediaType: "application/json" },
        toolConfiguration: options.toolConfiguration,
      }
    : {};
  return {
    open() {
      contentName = novaId();
      const inferenceConfiguration = options.inferenceConfiguration ?? {
        maxTokens: 1024,
        topP: 0.9,
        temperature: 0.7,
      };
      const system = options.systemPrompt;
      return [
        novaFrame("sessionStart", { inferenceConfiguration }),
        novaFrame("promptStart", {
          promptName,
          textOutputConfiguration: { mediaType: "text/plain" },
          audioOutputConfiguration,
          ...tools,
        }),
        ...(system === undefined ? [] : novaTextContent(promptName, "SYSTEM", system)),
        novaFrame("contentStart", {
          promptName,
          contentName,
          type: "AUDIO",
          interactive: true,
          role: "USER",
          audioInputConfiguration: {
            ...pcmConfiguration(format.inputRate),
            audioType: "SPEECH",
            encoding: "base64",
          },
        }),
      ];
    },
    audio: (pcm) => novaFrame("audioInput", { promptName, contentName, content: toBase64(pcm) }),
    interrupt: () => undefined,
    close: () => [
      novaFrame("contentEnd", { promptName, contentName }),
      novaFrame("promptEnd", { promptName }),
      novaFrame("sessionEnd", {}),
    ],
  };
}
