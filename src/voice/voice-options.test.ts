import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { resolveVoiceOptions } from "./voice-options";
import { voiceTransport } from "./voice-transport";

const base = { connection: { onEvent: () => () => undefined }, transport: voiceTransport() };

describe("resolveVoiceOptions", () => {
  it("fills in the defaults: 16 kHz in, 24 kHz out, 40 ms frames, the browser's processing on", () => {
    expect(resolveVoiceOptions(base)).toMatchObject({
      mode: "hands-free",
      inputRate: 16_000,
      outputRate: 24_000,
      frameMs: 40,
      prebufferMs: 60,
      bargeInLevel: 0.1,
      bargeInMs: 120,
      constraints: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  });

  it("lets the app turn voice barge-in off and a constraint off", () => {
    const resolved = resolveVoiceOptions({
      ...base,
      bargeInLevel: false,
      audioConstraints: { noiseSuppression: false },
    });
    expect(resolved.bargeInLevel).toBe(false);
    expect(resolved.constraints).toMatchObject({ echoCancellation: true, noiseSuppression: false });
  });

  it.each([
    [{ frameMs: 5 }, /frameMs must be a whole number of ms from 10 to 1000/],
    [{ frameMs: 1000, inputRate: 48_000 }, /take 96000 bytes; the limit is 32768/],
    [{ inputFormat: { sampleRate: 100 } }, /inputFormat.sampleRate/],
    [{ bargeInLevel: 0 }, /bargeInLevel must be a finite number > 0/],
    [{ prebufferMs: -1 }, /prebufferMs/],
  ])("refuses %o", (options, message) => {
    const { inputRate, ...rest } = options as { inputRate?: number };
    const input = inputRate ? { ...rest, inputFormat: { sampleRate: inputRate } } : rest;
    expect(() => resolveVoiceOptions({ ...base, ...input })).toThrow(AgentRuntimeValidationError);
    expect(() => resolveVoiceOptions({ ...base, ...input })).toThrow(message);
  });
});
