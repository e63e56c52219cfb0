/**
 * `npm run bench:signing`: presign throughput of ours against a raw smithy presign and against
 * the official `bedrock-agentcore` SDK's `RuntimeClient.generatePresignedUrl`, in Node; ours
 * against smithy in Chromium too. The SDK is Node-only: the bench also tries to bundle it for
 * browsers with esbuild (`platform: "browser"`) and records what esbuild says.
 */
import { RuntimeClient } from "bedrock-agentcore/runtime";
import { build } from "esbuild";
import { bundleForBrowser } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import { sampleLoad } from "./lib/load";
import { installedVersions } from "./lib/peer-versions";
import { writeResult } from "./lib/results";
import {
  ARN,
  browserSafeContenders,
  CREDENTIALS,
  measureSigning,
  SESSION,
  type SigningFigures,
} from "./signing-core";

async function inChromium(): Promise<SigningFigures> {
  const code = await bundleForBrowser(new URL("./signing-core.ts", import.meta.url).pathname);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto("about:blank");
    await page.addScriptTag({
      type: "module",
      content: `${code}\nwindow.__measure = measureSigning;`,
    });
    await page.waitForFunction(
      () => typeof (window as { __measure?: unknown }).__measure === "function",
    );
    return await page.evaluate(() =>
      (window as unknown as { __measure: () => Promise<SigningFigures> }).__measure(),
    );
  } finally {
    await browser.close();
  }
}

/** Bundles `bedrock-agentcore/runtime` for browsers as an app's bundler would; returns esbuild's errors. */
async function sdkBrowserBundle() {
  const command =
    "esbuild --bundle --platform=browser --format=esm (stdin: import { RuntimeClient } from 'bedrock-agentcore/runtime')";
  try {
    await build({
      stdin: {
        contents: `import { RuntimeClient } from "bedrock-agentcore/runtime"; console.log(RuntimeClient);`,
        resolveDir: new URL("..", import.meta.url).pathname,
      },
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    return { command, bundles: true, errorCount: 0, unresolved: [], errors: [] };
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string } | null }[] })
      .errors ?? [{ text: String(error) }];
    const texts = [...new Set(errors.map((e) => `${e.location?.file ?? "?"}: ${e.text}`))];
    const unresolved = [
      ...new Set(errors.map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1] ?? e.text)),
    ].sort();
    return {
      command,
      bundles: false,
      errorCount: errors.length,
      unresolved,
      errors: texts.slice(0, 12),
    };
  }
}

const load = sampleLoad();
const sdk = new RuntimeClient({
  region: "us-west-2",
  credentialsProvider: async () => CREDENTIALS,
});
const contenders = {
  ...browserSafeContenders(),
  "bedrock-agentcore": () =>
    sdk.generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
      endpointName: "DEFAULT",
      expires: 300,
    }),
};
const sameRequest = Object.fromEntries(
  await Promise.all(
    Object.entries(contenders).map(async ([name, presign]) => {
      const url = new URL(await presign());
      return [name, `${url.host}${url.pathname} ${[...url.searchParams.keys()].sort().join(",")}`];
    }),
  ),
);
if (new Set(Object.values(sameRequest)).size !== 1) {
  throw new Error(`the contenders sign different requests: ${JSON.stringify(sameRequest)}`);
}
const node = await measureSigning(contenders);
const line = (f: SigningFigures) =>
  Object.entries(f.opsPerSec)
    .map(([name, ops]) => `${name} ${ops} ops/s`)
    .join(", ") +
  "; ours / other: " +
  Object.entries(f.ratios)
    .map(([name, r]) => `${name} ${r.median}`)
    .join(", ");
console.log(`node:     ${line(node)}`);
const chromium = await inChromium();
console.log(`chromium: ${line(chromium)}`);
const browserBundle = await sdkBrowserBundle();
console.log(
  `bedrock-agentcore for browsers: ${browserBundle.bundles ? "bundles" : `${browserBundle.errorCount} esbuild errors, e.g. ${browserBundle.errors[0]}`}`,
);
const path = writeResult("signing", {
  benchmark: "signing",
  goal: "ours / smithy <= 1.3",
  load: load.stop(),
  versions: installedVersions([
    "@smithy/signature-v4",
    "@aws-crypto/sha256-js",
    "bedrock-agentcore",
    "esbuild",
  ]),
  method: {
    work: "presign wss://…/runtimes/<arn>/ws with qualifier and session id, 300 s expiry, the same static credentials",
    rounds:
      "each round times every contender for `iterations` presigns back to back, the order rotated every round; ratios are medians of per-round ratios",
    bedrockAgentcore:
      "RuntimeClient({ region, credentialsProvider }).generatePresignedUrl; Node only (see browserBundle)",
  },
  sameRequest,
  node,
  chromium,
  browserBundle,
});
console.log(`written to ${path}`);
