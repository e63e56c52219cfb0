/**
 * `npm run bench:size`: min+gzip of our entry points and of the peer libraries, measured in one
 * run. Two columns: size-limit's figure (esbuild + gzip, the CI gate; code behind `import()`
 * lands in chunks it does not count) and the whole bundle with every lazy chunk included (the
 * only figure for the peers, which size-limit cannot measure here: see {@link PEERS}).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { writeResult } from "./lib/results";

interface SizeLimitEntry {
  name: string;
  path: string;
  limit?: string;
  ignore?: string[];
}

const config = JSON.parse(readFileSync(".size-limit.json", "utf8")) as SizeLimitEntry[];

/**
 * The peers, measured here with esbuild alone: size-limit adds every peerDependency of this
 * package to each check's `ignore`, and several peers (assistant-ui, the AI SDK) are optional
 * peers of ours, so it would measure them as almost nothing.
 */
const PEERS: SizeLimitEntry[] = [
  { name: "peer: react-use-websocket", path: "bench/size/peer-react-use-websocket.js" },
  { name: "peer: @ai-sdk/react useChat", path: "bench/size/peer-ai-sdk-use-chat.js" },
  { name: "peer: @assistant-ui/react", path: "bench/size/peer-assistant-ui.js" },
  { name: "peer: Amplify UI AIConversation", path: "bench/size/peer-amplify-ai-conversation.js" },
  {
    name: "peer: smithy signing floor (@smithy/signature-v4 + @aws-crypto/sha256-js)",
    path: "bench/size/smithy-signing-floor.js",
  },
].map((peer) => ({ ...peer, ignore: ["react", "react-dom"] }));

async function wholeBundleGzip(entry: string, external: string[] = []): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    external,
  });
  return gzipSync(result.outputFiles.map((file) => file.text).join("\n")).length;
}

execFileSync("npm", ["run", "build"], { stdio: "ignore" });
let output: string;
try {
  output = execFileSync("npx", ["size-limit", "--json"], { encoding: "utf8" });
} catch (error) {
  // size-limit exits non-zero when a budget is exceeded; its JSON still holds the figures.
  output = (error as { stdout?: string }).stdout ?? "[]";
}
const measured = JSON.parse(output) as Array<{ name: string; size: number; passed?: boolean }>;

const rows = [];
for (const entry of config) {
  const figure = measured.find((item) => item.name === entry.name);
  rows.push({
    name: entry.name,
    sizeLimitGzipBytes: figure?.size ?? null,
    wholeGzipBytes: await wholeBundleGzip(entry.path, entry.ignore),
    budget: entry.limit ?? null,
    withinBudget: figure?.passed ?? null,
  });
}
for (const peer of PEERS) {
  rows.push({
    name: peer.name,
    sizeLimitGzipBytes: null,
    wholeGzipBytes: await wholeBundleGzip(peer.path, peer.ignore),
    budget: null,
    withinBudget: null,
  });
}
rows.push({
  name: "agentcore-react/cognito (lazy AWS SDK part)",
  sizeLimitGzipBytes: null,
  wholeGzipBytes: await wholeBundleGzip("bench/size/cognito-lazy-aws-sdk.js"),
  budget: null,
  withinBudget: null,
});

rows.push({
  name: "stylesheet (agentcore-react/styles.css, as shipped)",
  sizeLimitGzipBytes: null,
  wholeGzipBytes: gzipSync(readFileSync("dist/styles.css")).length,
  budget: null,
  withinBudget: null,
});

// kB = 1000 bytes, as size-limit counts.
const kb = (bytes: number | null) => (bytes === null ? "-" : (bytes / 1000).toFixed(2));
console.log(
  `${"kB (1000 B), min+gzip".padEnd(48)} ${"size-limit".padStart(10)} ${"whole".padStart(8)}`,
);
for (const row of rows) {
  const budget = row.budget ? `  limit ${row.budget}` : "";
  console.log(
    `${row.name.padEnd(48)} ${kb(row.sizeLimitGzipBytes).padStart(10)} ${kb(row.wholeGzipBytes).padStart(8)}${budget}`,
  );
}
const path = writeResult("size", {
  tool: "size-limit 12 (esbuild + gzip); whole = esbuild, all chunks",
  entries: rows,
});
console.log(`written to ${path}`);
