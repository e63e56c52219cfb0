import { fileURLToPath } from "node:url";
import { streamingAgent, type UpgradeEvent } from "agentcore-react-emulator";
import { demoReply } from "../../../examples/server/demo-agent";
import { startDemo, type DemoOptions, type DemoStack } from "../../../examples/server/start-demo";

/** Pre-bundled dependencies of the e2e dev servers, apart from the demo's own cache. */
const VITE_CACHE_DIR = fileURLToPath(new URL("../../../node_modules/.vite/e2e", import.meta.url));

/** The answer the test agent streams for `input` on the session's `turn`-th question. */
export const expectedReply = demoReply;

/**
 * The demo (emulator, presign backend, Vite app) on ports the OS picks, with an agent that
 * streams slowly enough to stop or cut mid-answer: 6 characters every 20 ms.
 */
export function startTestDemo(options: DemoOptions = {}): Promise<DemoStack> {
  return startDemo({
    appPort: 0,
    backendPort: 0,
    emulatorPort: 0,
    agent: streamingAgent({ chunkSize: 6, intervalMs: 20, reply: demoReply }),
    viteLogLevel: "silent",
    viteCacheDir: VITE_CACHE_DIR,
    ...options,
  });
}

/** The emulator of a stack started in emulator mode. */
export function emulatorOf(stack: DemoStack) {
  if (!stack.emulator) throw new Error("This demo stack runs without the emulator");
  return stack.emulator;
}

/** Upgrade attempts after `afterSeq` (optionally only for one session). */
export function upgradesSince(
  stack: DemoStack,
  afterSeq: number,
  sessionId?: string,
): UpgradeEvent[] {
  return emulatorOf(stack).upgrades.filter(
    (event) => event.seq > afterSeq && (sessionId === undefined || event.sessionId === sessionId),
  );
}

/** Text frames the agent sent on a session, joined (the JSON control frames left out). */
export function streamedText(stack: DemoStack, sessionId: string): string {
  const session = emulatorOf(stack).sessions.get(sessionId);
  if (!session) return "";
  return session.sent
    .map((entry) => entry.data)
    .filter((data): data is string => typeof data === "string" && !data.startsWith("{"))
    .join("");
}

/** Frames a session received from the browser, as text. */
export function receivedFrames(stack: DemoStack, sessionId: string): string[] {
  const session = emulatorOf(stack).sessions.get(sessionId);
  return (session?.received ?? []).map((entry) =>
    typeof entry.data === "string" ? entry.data : new TextDecoder().decode(entry.data),
  );
}

/** JSON frames a session sent to the browser, parsed. */
export function sentJsonFrames(stack: DemoStack, sessionId: string): unknown[] {
  const session = emulatorOf(stack).sessions.get(sessionId);
  return (session?.sent ?? [])
    .map((entry) => entry.data)
    .filter((data): data is string => typeof data === "string" && data.startsWith("{"))
    .map((data) => JSON.parse(data) as unknown);
}
