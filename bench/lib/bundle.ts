import { build } from "vite";

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
}

/** Bundles one module (and everything it imports) into a single ES module string for a page. */
export async function bundleForBrowser(
  entry: string,
  options: BundleOptions = {},
): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "error",
    ...(options.reactProfiling
      ? {
          define: { "process.env.NODE_ENV": JSON.stringify("production") },
          resolve: {
            alias: [{ find: /^react-dom\/client$/, replacement: "react-dom/profiling" }],
          },
        }
      : {}),
    build: {
      write: false,
      minify: options.minify ?? false,
      lib: { entry, formats: ["es"], fileName: "bench" },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ("output" in result) {
      const chunk = result.output.find((item) => item.type === "chunk");
      if (chunk && chunk.type === "chunk") return chunk.code;
    }
  }
  throw new Error(`bundling ${entry} produced no chunk`);
}

/**
 * Bundles each peer page once (several implementations can share a page), as shipped to users:
 * React's profiling production build, minified. Keyed by the page's file name.
 */
export async function bundlePeerPages(
  implementations: readonly { page: string }[],
): Promise<Map<string, string>> {
  const bundles = new Map<string, string>();
  for (const { page } of implementations) {
    if (bundles.has(page)) continue;
    const entry = new URL(`../pages/peers/${page}`, import.meta.url).pathname;
    bundles.set(page, await bundleForBrowser(entry, { reactProfiling: true, minify: true }));
  }
  return bundles;
}
