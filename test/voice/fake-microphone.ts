import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What Chromium's fake microphone plays in the browser tests (`--use-file-for-fake-audio-capture`,
 * looped): a 1 kHz sine at half scale, 48 kHz mono PCM16. Written by the voice tests' global
 * setup before the browser starts; the path is fixed because the launch flags name it.
 */
export const FAKE_MICROPHONE_WAV = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../test-results/voice/fake-microphone.wav",
);

/** The tone's frequency and amplitude, which the tests look for in what reaches the agent. */
export const FAKE_MICROPHONE_HZ = 1_000;
export const FAKE_MICROPHONE_AMPLITUDE = 0.5;

/** A mono PCM16 WAV file of `seconds` of the tone at `rate`. */
export function sineWav(seconds = 2, rate = 48_000): Buffer {
  const samples = seconds * rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8, "ascii");
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const value =
      FAKE_MICROPHONE_AMPLITUDE * Math.sin((2 * Math.PI * FAKE_MICROPHONE_HZ * i) / rate);
    wav.writeInt16LE(Math.round(value * 0x7fff), 44 + i * 2);
  }
  return wav;
}

/** Writes the fake microphone's WAV file. */
export function writeFakeMicrophone(): void {
  mkdirSync(dirname(FAKE_MICROPHONE_WAV), { recursive: true });
  writeFileSync(FAKE_MICROPHONE_WAV, sineWav());
}

/**
 * Chromium's flags for a fake microphone playing `wav` (looped), granted without a prompt, and
 * audio that may start without a click.
 */
export function fakeMicrophoneFlags(wav: string): string[] {
  return [
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-audio-capture=${wav}`,
    "--autoplay-policy=no-user-gesture-required",
  ];
}
