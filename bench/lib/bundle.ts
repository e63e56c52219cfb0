import { build } from "vite";

/** Bundles one module (and everything it imports) into a single ES module string for a page. */
export async function bundleForBrowser(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "error",
    build: {
      write: false,
      minify: false,
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
