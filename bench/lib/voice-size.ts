/**
 * The voice subpath's size, min+gzip, measured as `bench/size.ts` measures (esbuild, minified,
 * for browsers, react excluded, over the built `dist/`): whole, with the worklet module it loads
 * on the first `start()` (size-limit's figure); what loads with the entry when the bundler
 * splits code (the entry chunk and the chunks it imports statically); and the entry without
 * the worklet module's files (the goal: the worklet is the audio thread's code).
 */
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";

/** The size-limit check's entry for the voice subpath (`.size-limit.json`). */
export const VOICE_SIZE_ENTRY = "bench/size/voice.js";

/** The output files that load with `entry`: it and the chunks it imports statically. */
export function eagerOutputs(metafile: Metafile, entry: string): string[] {
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === entry);
  if (!start) throw new Error(`esbuild produced no output for ${entry}`);
  const eager = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    for (const { path, kind } of outputs[queue.pop()!]!.imports) {
      if (kind !== "import-statement" || eager.has(path) || !(path in outputs)) continue;
      eager.add(path);
      queue.push(path);
    }
  }
  return [...eager];
}

/** The worklet module's source (and with it the DSP, framer and queue only it imports). */
const WORKLET_MODULE = /\/worklet-source(\.js)?$/;

/** Leaves the worklet module out of the bundle, as if it were another package's. */
const withoutWorklet: Plugin = {
  name: "without-worklet",
  setup(build) {
    build.onResolve({ filter: WORKLET_MODULE }, ({ path }) => ({ path, external: true }));
  },
};

const gzip = (texts: string[]) => gzipSync(texts.join("\n")).length;
const texts = (result: { outputFiles?: { text: string }[] }) =>
  (result.outputFiles ?? []).map((file) => file.text);

/** min+gzip bytes of the voice entry: with the worklet module, and without it. */
export async function voiceEntrySize(entry = VOICE_SIZE_ENTRY) {
  const common = {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm" as const,
    platform: "browser" as const,
    write: false,
    external: ["react", "react-dom"],
  };
  const whole = await build(common);
  const split = await build({ ...common, splitting: true, outdir: "out", metafile: true });
  const eager = new Set(eagerOutputs(split.metafile, entry));
  const text = (path: string) =>
    (split.outputFiles ?? []).find((file) => file.path.endsWith(path))!.text;
  const bare = await build({ ...common, plugins: [withoutWorklet] });
  return {
    tool: "esbuild --bundle --minify --format=esm --platform=browser, gzip (react external)",
    entry,
    /** Everything, the worklet module included: what size-limit counts. */
    wholeGzipBytes: gzip(texts(whole)),
    /** What loads with the entry when the bundler splits code. */
    eagerGzipBytes: gzip([...eager].map(text)),
    /** The entry without the worklet module's files: the goal's figure. */
    entryGzipBytes: gzip(texts(bare)),
  };
}
