import WebSocket from "ws";
import { DEMO_CREDENTIALS, startEmulator } from "agentcore-react-emulator";
import {
  AgentRuntimeConnection,
  type UrlProvider,
  type WebSocketConstructor,
} from "../../src/index";
import { credentialsUrlProvider } from "../../src/signing";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/refused-abc";

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a refused upgrade", () => {
  it(
    "is retried with a fresh URL, not the refused one, so a revoked URL cannot stall the connection",
    { timeout: 10_000 },
    async () => {
      const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, agent: "echo" });
      const signer = credentialsUrlProvider({
        runtimeArn: ARN,
        credentials: DEMO_CREDENTIALS,
        endpoint: emulator.url,
      });
      const urls: string[] = [];
      const urlProvider: UrlProvider = async (context) => {
        const presigned = await signer(context);
        urls.push(presigned.url);
        return presigned;
      };
      const connection = new AgentRuntimeConnection({
        urlProvider,
        retry: { initialDelayMs: 20, maxDelayMs: 40 },
        WebSocket: WebSocket as unknown as WebSocketConstructor,
      });
      try {
        connection.connect();
        await until(() => connection.getSnapshot().status === "open", "the first open");
        // Every URL signed up to now stops working (the emulator counts whole seconds), then the
        // stream drops: the URL the connection holds for its reconnect is dead.
        emulator.faults.expireIssuedBefore(Date.now() + 1000);
        const mintedBefore = urls.length;
        const eventsBefore = emulator.events.length;
        emulator.faults.dropAll();
        await until(() => connection.getSnapshot().status !== "open", "the drop");
        await until(() => connection.getSnapshot().status === "open", "a reopen");
        const attempts = emulator.events
          .slice(eventsBefore)
          .filter((event) => event.type === "upgrade");
        expect(attempts.at(-1)).toMatchObject({ outcome: "accepted" });
        expect(
          attempts.some((event) => event.type === "upgrade" && event.outcome === "refused"),
        ).toBe(true);
        // The first attempt may use the URL it held; every attempt after a refusal uses a fresh one.
        expect(urls.length - mintedBefore).toBeGreaterThanOrEqual(attempts.length - 1);
      } finally {
        connection.close();
        await emulator.close();
      }
    },
  );
});
