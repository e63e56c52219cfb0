import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import type { SourceMapV3 } from "./source-map-lookup";

/** Options of {@link bundleForBrowser}. */
export interface BundleOptions {
  /**
   * Bundle React as it ships to users: `process.env.NODE_ENV` is "production", and
   * `react-dom/client` is React's profiling build (production code with `<Profiler onRender>`
   * enabled, which the plain production build turns off).
   */
  reactProfiling?: boolean;
  /** Minify the bundle, as an app's production build does. */
  minify?: boolean;
  /**
   * Another copy of the library's `src/` (e.g. {@link baselineSource}'s): the page's import of
   * `…/src/index` resolves there instead, so one run can compare two versions of the library.
   */
  librarySrc?: string;
}

/** Bundles one module (and everything it imports) into a single ES module string for a page. */
export async function bundleForBrowser(
  entry: string,
  options: BundleOptions = {},
): Promise<string> {
  return (await bundleChunk(entry, options, false)).code;
}

/** As {@link bundleForBrowser}, with the bundle's source map (for reading CPU profiles). */
export async function bundleWithSourceMap(
  entry: string,
  options: BundleOptions = {},
): Promise<{ code: string; map: SourceMapV3 }> {
  const chunk = await bundleChunk(entry, options, true);
  if (!chunk.map) throw new Error(`bundling ${entry} produced no source map`);
  return { code: chunk.code, map: chunk.map };
}

async function bundleChunk(
  entry: string,
  options: BundleOptions,
  sourcemap: boolean,
): Promise<{ code: string; map: SourceMapV3 | null }> {
  const alias = [
    ...(options.reactProfiling
      ? [{ find: /^react-dom\/client$/, replacement: "react-dom/profiling" }]
      : []),
    ...(options.librarySrc
      ? [{ find: /^(\.\.\/)+src\/index$/, replacement: join(options.librarySrc, "index.ts") }]
      : []),
  ];
  const output = await build({
    configFile: false,
    logLevel: "error",
    ...(options.reactProfiling
      ? { define: { "process.env.NODE_ENV": JSON.stringify("production") } }
      : {}),
    resolve: { alias },
    build: {
      write: false,
      minify: options.minify ?? false,
      sourcemap,
      lib: { entry, formats: ["es"], fileName: "bench" },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ("output" in result) {
      const chunk = result.output.find((item) => item.type === "chunk");
      if (chunk && chunk.type === "chunk") return { code: chunk.code, map: chunk.map ?? null };
    }
  }
  throw new Error(`bundling ${entry} produced no chunk`);
}

/** What a peer page is bundled from: the page, and which copy of the library's `src/`. */
export interface PeerPageSource {
  page: string;
  librarySrc?: string;
}

/** The key of {@link bundlePeerPages}' map for an implementation. */
export function peerBundleKey({ page, librarySrc }: PeerPageSource): string {
  return librarySrc ? `${page} @ ${librarySrc}` : page;
}

/**
 * Bundles each peer page once (several implementations can share a page), as shipped to users:
 * React's profiling production build, minified. Keyed by {@link peerBundleKey}.
 */
export async function bundlePeerPages(
  implementations: readonly PeerPageSource[],
): Promise<Map<string, string>> {
  const bundles = new Map<string, string>();
  for (const impl of implementations) {
    const key = peerBundleKey(impl);
    if (bundles.has(key)) continue;
    const entry = new URL(`../pages/peers/${impl.page}`, import.meta.url).pathname;
    bundles.set(
      key,
      await bundleForBrowser(entry, {
        reactProfiling: true,
        minify: true,
        librarySrc: impl.librarySrc,
      }),
    );
  }
  return bundles;
}

/**
 * The library's `src/` as it is at git `ref`, extracted under `node_modules/.cache/` (so its
 * imports of React resolve to the same packages), for a bench that compares against it.
 */
export function baselineSource(ref: string): string {
  const root = join(import.meta.dirname, "..", "..");
  const dir = join(root, "node_modules", ".cache", "bench-baseline", ref.replace(/[^\w.-]/g, "_"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync("git", ["-C", root, "archive", ref, "src"], {
    maxBuffer: 1 << 28,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  return join(dir, "src");
}
