import { WebSocket } from "ws";
import { startEmulator, type Emulator } from "agentcore-react-emulator";
import { AgentRuntimeConnection } from "../src/connection/agent-runtime-connection";
import { backendUrlProvider } from "../src/providers/backend-url-provider";
import type { UrlProvider } from "../src/providers/types";
import { SOAK_PRINCIPAL, startPresignBackend, type PresignBackend } from "./soak/presign-backend";

const RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/bench_agent-a1B2c3";
const CREDENTIALS = {
  accessKeyId: "AKIABENCHRECONNECT01",
  secretAccessKey: "bench/secret+key/EXAMPLE00000000000000000",
};
/** The connection's default; the on-demand baseline hands out URLs that outlive it by a hair. */
const URL_SAFETY_MARGIN_MS = 5_000;
/** How long an on-demand URL stays usable after it arrives: enough to open it, not to keep it. */
const ON_DEMAND_USABLE_MS = 20;

/** How the client gets its URLs. */
export type Strategy = "prefetch" | "on-demand";

/** One client, its own emulator and presign backend, and what a reconnect cost. */
export interface Rig {
  strategy: Strategy;
  /** Drops the stream on the runtime side; resolves with the reconnect's figures. */
  dropAndMeasure(): Promise<{ ms: number; providerCalls: number }>;
  /** Provider calls so far (critical path or not). */
  providerCalls(): number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts an emulator whose agent greets every new stream at once, a presign backend
 * (`createPresignHandler` over node:http, both on 127.0.0.1), and an `AgentRuntimeConnection`
 * over Node `ws` that gets its URLs from the backend through `backendUrlProvider`:
 *
 * - `prefetch`: the library as shipped (URLs live 300 s; the next one is kept ready).
 * - `on-demand`: the same class, but every URL it gets is only usable for a few ms after it
 *   arrives, so each (re)connect must presign first: what a client without prefetch does.
 *
 * `latencyMs` is added before every backend answer and every upgrade answer, to model a
 * backend and a runtime that are that far away; 0 is plain loopback.
 */
export async function startRig(strategy: Strategy, latencyMs: number): Promise<Rig> {
  const emulator: Emulator = await startEmulator({
    credentials: CREDENTIALS,
    agent: (socket, context) => {
      socket.sendJson({ text: `hello #${context.connectionId}` });
    },
  });
  if (latencyMs > 0) emulator.faults.delayUpgrades(latencyMs);
  const backend: PresignBackend = await startPresignBackend({
    runtimeArn: RUNTIME_ARN,
    credentials: CREDENTIALS,
    endpoint: emulator.url,
    expiresSeconds: 300,
    now: () => emulator.now(),
  });
  const fromBackend = backendUrlProvider({
    endpoint: backend.url,
    headers: { Authorization: `Bearer ${SOAK_PRINCIPAL}` },
  });
  let calls = 0;
  const urlProvider: UrlProvider = async (context) => {
    calls += 1;
    if (latencyMs > 0) await sleep(latencyMs);
    const answer = await fromBackend(context);
    if (strategy === "prefetch") return answer;
    const { issuedAt: _issuedAt, ...rest } = answer;
    return { ...rest, expiresAt: Date.now() + URL_SAFETY_MARGIN_MS + ON_DEMAND_USABLE_MS };
  };
  const connection = new AgentRuntimeConnection({
    urlProvider,
    WebSocket,
    urlSafetyMarginMs: URL_SAFETY_MARGIN_MS,
    // No jitter: the first retry goes at once for both, so only the URL path differs.
    retry: { random: () => 0 },
  });
  let firstFrame: (() => void) | null = null;
  connection.onEvent(() => firstFrame?.());
  connection.connect();
  await new Promise<void>((resolve) => (firstFrame = resolve));

  return {
    strategy,
    providerCalls: () => calls,
    async dropAndMeasure() {
      // Let the stream settle (and an on-demand URL run out) before cutting it.
      await sleep(ON_DEMAND_USABLE_MS * 5);
      const arrived = new Promise<number>((resolve) => {
        firstFrame = () => {
          firstFrame = null;
          resolve(performance.now());
        };
      });
      const callsBefore = calls;
      const droppedAt = performance.now();
      emulator.faults.dropAll();
      const at = await arrived;
      return { ms: at - droppedAt, providerCalls: calls - callsBefore };
    },
    async close() {
      connection.close();
      await backend.close();
      await emulator.close();
    },
  };
}
