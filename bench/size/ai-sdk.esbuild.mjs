// The AI SDK transport bundled as an app's bundler does (ES modules): its `resume` code is an
// import() left to its own chunk. esbuild's default iife output would turn that import() into
// a require() shim (~0.3 kB gzip) that no ESM bundle carries.
import { tmpdir } from "node:os";
import { join } from "node:path";

export default {
  entryPoints: [new URL("./ai-sdk.js", import.meta.url).pathname],
  bundle: true,
  format: "esm",
  minifyIdentifiers: true,
  minifySyntax: true,
  minifyWhitespace: true,
  treeShaking: true,
  metafile: true,
  write: true,
  outdir: join(tmpdir(), `size-limit-ai-sdk-${process.pid}`),
  external: ["react", "react-dom", "ai", "@ai-sdk/react", "@ai-sdk/provider-utils", "*/resume.js"],
};
