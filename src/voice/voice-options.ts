import { AgentRuntimeValidationError } from "../core/errors";
import { numberOption, wholeNumberInRange } from "../core/number-option";
import type { AgentVoiceOptions, VoiceMode } from "./types";
import { binaryPcmFraming, type VoiceFraming } from "./voice-codec";

/** The service's largest frame, in bytes. */
export const MAX_VOICE_FRAME_BYTES = 32_768;

/** {@link AgentVoiceOptions} with every default filled in and every number checked. */
export interface ResolvedVoiceOptions {
  connection: AgentVoiceOptions["connection"];
  transport: AgentVoiceOptions["transport"];
  /** Makes the framing of one call. */
  framing: () => VoiceFraming;
  mode: VoiceMode;
  inputRate: number;
  outputRate: number;
  frameMs: number;
  prebufferMs: number;
  bargeInLevel: number | false;
  bargeInMs: number;
  constraints: MediaTrackConstraints;
  deviceId: string | undefined;
  workletUrl: string | undefined;
}

const RATE = { min: 8_000, max: 96_000, unit: "Hz" };

/**
 * Fills in the defaults and checks the numbers.
 *
 * @throws {AgentRuntimeValidationError} for a number out of range, or frames over 32 768 bytes.
 */
export function resolveVoiceOptions(options: AgentVoiceOptions): ResolvedVoiceOptions {
  const inputRate = wholeNumberInRange(
    "AgentVoice inputFormat.sampleRate",
    options.inputFormat?.sampleRate ?? 16_000,
    RATE,
  );
  const frameMs = wholeNumberInRange("AgentVoice frameMs", options.frameMs ?? 40, {
    min: 10,
    max: 1_000,
    unit: "ms",
  });
  const outputRate = wholeNumberInRange(
    "AgentVoice outputFormat.sampleRate",
    options.outputFormat?.sampleRate ?? 24_000,
    RATE,
  );
  const { codec } = options;
  const framing = codec ? () => codec.voice({ inputRate, outputRate }) : binaryPcmFraming;
  // Measured on a frame as the codec sends it: base64 in JSON is a third larger than the PCM.
  const frame = framing().audio(new ArrayBuffer(2 * Math.round((inputRate * frameMs) / 1000)));
  const frameBytes = typeof frame === "string" ? frame.length : frame.byteLength;
  if (frameBytes > MAX_VOICE_FRAME_BYTES) {
    const message = `AgentVoice frames of ${frameMs} ms at ${inputRate} Hz take ${frameBytes} bytes; the limit is ${MAX_VOICE_FRAME_BYTES}`;
    throw new AgentRuntimeValidationError(message);
  }
  const level = options.bargeInLevel ?? 0.1;
  return {
    framing,
    connection: options.connection,
    transport: options.transport,
    mode: options.mode ?? "hands-free",
    inputRate,
    outputRate,
    frameMs,
    prebufferMs: numberOption(
      "AgentVoice prebufferMs",
      options.prebufferMs ?? 60,
      "a finite number >= 0",
    ),
    bargeInLevel:
      level === false
        ? false
        : numberOption("AgentVoice bargeInLevel", level, "a finite number > 0"),
    bargeInMs: numberOption(
      "AgentVoice bargeInMs",
      options.bargeInMs ?? 120,
      "a finite number >= 0",
    ),
    constraints: {
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
      ...options.audioConstraints,
    },
    deviceId: options.deviceId,
    workletUrl: options.workletUrl,
  };
}
