import WebSocket from "ws";
import { DEMO_CREDENTIALS, startEmulator } from "agentcore-react-emulator";
import { AgentRuntimeConnection, textCodec, type WebSocketConstructor } from "../../src/index";
import { signedHeadersProvider } from "../../src/signing";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/node_client-abc";
const SESSION = "node-client-session-000000000000000000000001";

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a Node client with SigV4 header authentication", () => {
  it("opens, sends and receives through ws with signed headers the emulator accepts", async () => {
    const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, agent: "echo" });
    const connection = new AgentRuntimeConnection({
      urlProvider: signedHeadersProvider({
        runtimeArn: ARN,
        credentials: DEMO_CREDENTIALS,
        endpoint: emulator.url,
        endpointName: "DEFAULT",
      }),
      sessionId: SESSION,
      codec: textCodec,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
    });
    const deltas: string[] = [];
    connection.onEvent((event) => {
      if (event.type === "text-delta") deltas.push(event.delta);
    });
    try {
      connection.connect();
      connection.send("hello over headers");
      await until(() => deltas.join("").includes("hello over headers"), "the echo");
      const upgrade = emulator.events.find((event) => event.type === "upgrade");
      expect(upgrade).toMatchObject({
        outcome: "accepted",
        auth: "sigv4-header",
        sessionId: SESSION,
      });
      expect(emulator.sessions.get(SESSION)?.qualifier).toBe("DEFAULT");
    } finally {
      connection.close();
      await emulator.close();
    }
  });

  it("is refused by the emulator when signed with the wrong secret", async () => {
    const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, agent: "echo" });
    const connection = new AgentRuntimeConnection({
      urlProvider: signedHeadersProvider({
        runtimeArn: ARN,
        credentials: { ...DEMO_CREDENTIALS, secretAccessKey: "not-the-secret" },
        endpoint: emulator.url,
      }),
      sessionId: SESSION,
      retry: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 2 },
      WebSocket: WebSocket as unknown as WebSocketConstructor,
    });
    try {
      connection.connect();
      await until(() => connection.getSnapshot().status === "failed", "the connection to give up");
      const refused = emulator.events.filter((event) => event.type === "upgrade");
      expect(refused.length).toBeGreaterThan(0);
      expect(
        refused.every((event) => event.type === "upgrade" && event.outcome === "refused"),
      ).toBe(true);
    } finally {
      connection.close();
      await emulator.close();
    }
  });
});
