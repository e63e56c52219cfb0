/**
 * A short reproduction of what the `--delivery` soak finds (docs/reliability.md): with delivery
 * on, 20 messages sent while the agent acknowledges none (the stream drops at the first of them
 * without a close frame); on the next stream the connection sends again only the last 16, the
 * ones whose outbox entry is still there, so the first 4 never reach the agent.
 *
 *   node --conditions=agentcore-react-source --import tsx bench/soak/outbox-prune-repro.ts [N]
 */
import { WebSocket } from "ws";
import { DEMO_CREDENTIALS, startEmulator } from "agentcore-react-emulator";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { credentialsUrlProvider } from "../../src/providers/credentials-url-provider";
import { SoakAgentProcess } from "./soak-agent-process";
import { until, waitForSnapshot } from "./waits";

const inFlight = Number(process.argv[2] ?? 20);
const agent = await SoakAgentProcess.start();
const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, forward: agent.url });
const connection = new AgentRuntimeConnection({
  urlProvider: credentialsUrlProvider({
    runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/repro-a1B2c3",
    credentials: DEMO_CREDENTIALS,
    endpoint: emulator.url,
  }),
  WebSocket,
  delivery: true,
  retry: { initialDelayMs: 20, maxDelayMs: 100 },
});
const outbox = () =>
  connection
    .getSnapshot()
    .outbox.map((entry) => `${String(entry.message)}:${entry.status}`)
    .join(" ");
connection.connect();
await waitForSnapshot(connection, (s) => s.status === "open", 10_000, "open");
for (let n = 0; n < 20; n += 1) connection.send(`m-${n}`);
await until(() => agent.handled.length === 20, 10_000, "the first 20 handled");
// The next frame from the client kills the stream (1006) before it reaches the agent.
emulator.faults.dropAfterFrames(1, { direction: "in" });
for (let n = 20; n < 20 + inFlight; n += 1) connection.send(`m-${n}`);
console.log(`outbox after sending ${inFlight} more: ${outbox()}`);
await until(() => agent.handled.length >= 20 + inFlight, 5_000, "all handled").catch(
  (error: Error) => console.log(error.message),
);
const handled = new Set(agent.handled.map((entry) => entry.message));
const missing = Array.from({ length: 20 + inFlight }, (_, n) => n).filter((n) => !handled.has(n));
console.log(`the agent was handed ${handled.size}; never: ${missing.join(", ") || "none"}`);
console.log(`outbox at the end: ${outbox()}`);
connection.close();
await emulator.close();
await agent.stop();
