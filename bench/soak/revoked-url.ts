/**
 * How long the connection stays down after the runtime revokes the URL it holds (finding 2 of
 * docs/reliability.md): one connection with default settings, URLs living `--lifetime` seconds;
 * a second after it opens, every URL issued so far is revoked and the stream dropped.
 *
 *   node --conditions=agentcore-react-source --import tsx bench/soak/revoked-url.ts [--lifetime 60]
 */
import { parseArgs } from "node:util";
import { WebSocket } from "ws";
import { startEmulator } from "agentcore-react-emulator";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { credentialsUrlProvider } from "../../src/providers/credentials-url-provider";
import { waitForSnapshot } from "./waits";

const { values } = parseArgs({ options: { lifetime: { type: "string", default: "60" } } });
const lifetime = Number(values.lifetime);
if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 300) {
  console.error(
    "usage: node --conditions=agentcore-react-source --import tsx bench/soak/revoked-url.ts [--lifetime 1-300]",
  );
  process.exit(2);
}

const credentials = { accessKeyId: "AKIAREVOKEDURL000001", secretAccessKey: "revoked/url+secret" };
const runtimeArn = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/revoked_url-a1B2c3";
const emulator = await startEmulator({ credentials });
const sign = credentialsUrlProvider({
  runtimeArn,
  credentials,
  endpoint: emulator.url,
  expires: lifetime,
});
let providerCalls = 0;
const connection = new AgentRuntimeConnection({
  urlProvider: (context) => {
    providerCalls += 1;
    return sign(context);
  },
  WebSocket,
});
const isOpen = () => connection.getSnapshot().status === "open";
const limitMs = (lifetime + 120) * 1000;
connection.connect();
await waitForSnapshot(connection, isOpen, limitMs, "first open");
await new Promise((resolve) => setTimeout(resolve, 1_100));

const revokedAt = performance.now();
const afterSeq = emulator.lastSeq;
emulator.faults.expireIssuedBefore();
emulator.faults.dropAll();
await waitForSnapshot(connection, (snapshot) => snapshot.status !== "open", limitMs, "the drop");
await waitForSnapshot(connection, isOpen, limitMs, "open again");
const refused = emulator.upgrades.filter(
  (upgrade) => upgrade.seq > afterSeq && upgrade.outcome === "refused",
).length;
console.log(
  `URLs living ${lifetime} s: down ${((performance.now() - revokedAt) / 1000).toFixed(1)} s after the revocation, ` +
    `${refused} upgrades refused with the revoked URL, ${providerCalls} provider calls in all`,
);
connection.close();
await emulator.close();
