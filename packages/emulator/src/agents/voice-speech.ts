import { spawn } from "node:child_process";

/** PCM16 mono samples and their rate, as read from a WAV file. */
export interface Pcm16 {
  samples: Int16Array;
  rate: number;
}

/**
 * The PCM16 samples of a WAV file (the first channel). `espeak-ng --stdout` cannot seek back to
 * write the data's length, so a length past the file's end means "to the end".
 *
 * @throws {Error} for a file that is not a PCM16 WAV.
 */
export function readWav(wav: Uint8Array): Pcm16 {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const tag = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  if (wav.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("Not a WAV");
  let format: { channels: number; rate: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= wav.byteLength;) {
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (tag(at) === "fmt ") {
      format = {
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (tag(at) === "data") {
      if (format?.bits !== 16) throw new Error("Not a PCM16 WAV");
      const end = Math.min(wav.byteLength, body + size);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++)
        samples[i] = view.getInt16(body + i * 2 * format.channels, true);
      return { samples, rate: format.rate };
    }
    at = body + size + (size % 2);
  }
  throw new Error("WAV without data");
}

/** `pcm` at `rate` by linear interpolation (speech, not music: no filter needed here). */
export function resample({ samples, rate: from }: Pcm16, rate: number): Int16Array {
  const length = Math.round((samples.length * rate) / from);
  const out = new Int16Array(length);
  const last = samples.length - 1;
  for (let i = 0; i < length; i++) {
    const position = (i * from) / rate;
    const k = Math.min(Math.floor(position), last);
    const next = samples[Math.min(k + 1, last)] ?? 0;
    const here = samples[k] ?? 0;
    out[i] = Math.round(here + (next - here) * (position - k));
  }
  return out;
}

/** Everything `command args` writes to stdout; `undefined` when it cannot run or fails. */
function output(command: string, args: string[]): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}

/** Commands already warned about. */
const warned = new Set<string>();

/**
 * `text` spoken by Debian's `espeak-ng` (a WAV at 22 050 Hz on its stdout), as PCM16
 * little-endian mono at `rate`; `undefined`, with a warning once per process, when `command`
 * is not installed or fails (the caller then plays its tone).
 */
export async function espeakPcm(
  text: string,
  rate: number,
  command = "espeak-ng",
): Promise<Uint8Array | undefined> {
  const wav = await output(command, ["--stdout", text]);
  let pcm: Int16Array | undefined;
  try {
    pcm = wav ? resample(readWav(wav), rate) : undefined;
  } catch {
    pcm = undefined;
  }
  if (!pcm) {
    if (!warned.has(command))
      console.warn(`voice agent: ${command} did not speak (is it installed?); a tone instead`);
    warned.add(command);
    return undefined;
  }
  const bytes = new Uint8Array(pcm.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < pcm.length; i++) view.setInt16(i * 2, pcm[i] ?? 0, true);
  return bytes;
}
