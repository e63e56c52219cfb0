import { describe, expect, it } from "vitest";
import { buildVoiceWorkletSource } from "./worklet-source";

interface FakeProcessor {
  port: {
    postMessage(message: unknown): void;
    onmessage: ((event: { data: unknown }) => void) | null;
  };
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ProcessorClass = new (init: { processorOptions: unknown }) => FakeProcessor;

/** Evaluates the module text as a worklet scope would, with the two globals it uses. */
function loadWorklet(): Map<string, ProcessorClass> {
  const registered = new Map<string, ProcessorClass>();
  class AudioWorkletProcessor {
    readonly posted: unknown[] = [];
    readonly port = {
      postMessage: (message: unknown) => this.posted.push(message),
      onmessage: null,
    };
  }
  const registerProcessor = (name: string, processor: ProcessorClass) =>
    registered.set(name, processor);
  new Function("AudioWorkletProcessor", "registerProcessor", buildVoiceWorkletSource())(
    AudioWorkletProcessor,
    registerProcessor,
  );
  return registered;
}

describe("buildVoiceWorkletSource", () => {
  it("is a module that stands alone and registers both processors", () => {
    const registered = loadWorklet();
    expect([...registered.keys()]).toEqual(["agentcore-voice-capture", "agentcore-voice-playback"]);
  });

  it("captures 40 ms chunks at 16 kHz from 48 kHz quanta, as the framer does", () => {
    const Capture = loadWorklet().get("agentcore-voice-capture");
    if (!Capture) throw new Error("not registered");
    const processor = new Capture({
      processorOptions: { contextRate: 48_000, outputRate: 16_000, chunkBytes: 1280 },
    });
    const quantum = Float32Array.from({ length: 128 }, (_, i) => Math.sin(i / 4));
    for (let i = 0; i < 375; i++) expect(processor.process([[quantum]], [])).toBe(true);
    const posted = (processor as unknown as { posted: { pcm: ArrayBuffer }[] }).posted;
    expect(posted).toHaveLength(25);
    expect(posted.every(({ pcm }) => pcm.byteLength === 1280)).toBe(true);
  });

  it("plays queued audio and flushes it on command", () => {
    const Playback = loadWorklet().get("agentcore-voice-playback");
    if (!Playback) throw new Error("not registered");
    const processor = new Playback({
      processorOptions: { contextRate: 48_000, inputRate: 24_000, capacity: 48_000, prebuffer: 0 },
    });
    const pcm = new Int16Array(2400).fill(0x4000).buffer;
    processor.port.onmessage?.({ data: pcm });
    const out = new Float32Array(128);
    processor.process([], [[out]]);
    expect(out[64]).toBeCloseTo(0.5, 3);
    processor.port.onmessage?.({ data: "flush" });
    processor.process([], [[out]]);
    expect(out.every((s) => s === 0)).toBe(true);
  });
});
