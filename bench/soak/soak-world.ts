import { startEmulator, streamingAgent, type Emulator } from "agentcore-react-emulator";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { deliveryProtocol } from "../../src/delivery";
import { backendUrlProvider } from "../../src/providers/backend-url-provider";
import { credentialsUrlProvider } from "../../src/providers/credentials-url-provider";
import type { UrlProvider } from "../../src/providers/types";
import { deliveredMessageNumber, messageNumber } from "./message-sender";
import { OnlineSwitch } from "./online-switch";
import { SOAK_PRINCIPAL, startPresignBackend, type PresignBackend } from "./presign-backend";
import { SeededRandom } from "./random";
import { SoakProvider, type ProviderPath } from "./soak-provider";
import { SoakAgentProcess } from "./soak-agent-process";
import { SocketRegistry } from "./tracking-websocket";

export const SOAK_RUNTIME_ARN =
  "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/soak_agent-a1B2c3";
const SOAK_CREDENTIALS = {
  accessKeyId: "AKIASOAKTEST00000001",
  secretAccessKey: "soak/secret+key/EXAMPLE000000000000000000",
  sessionToken: "soak-session-token/+=",
};

/** The connection's settings in the soak: short URLs and short retry delays, so faults come fast. */
export const SOAK_CONNECTION_SETTINGS = {
  urlSafetyMarginMs: 2_000,
  prefetchMarginMs: 3_000,
  retry: { initialDelayMs: 20, maxDelayMs: 250 },
} as const;

/** Everything a soak runs against: the emulator, a presign backend, and the client under test. */
export interface SoakWorld {
  emulator: Emulator;
  backend: PresignBackend;
  online: OnlineSwitch;
  registry: SocketRegistry;
  provider: SoakProvider;
  connection: AgentRuntimeConnection;
  /** With delivery on: the Python agent the emulator forwards to. */
  agent: SoakAgentProcess | undefined;
  close(): Promise<void>;
}

/**
 * Starts the emulator (streaming agent answering `ok m-N` in small frames) and a presign backend
 * on 127.0.0.1, and builds one `AgentRuntimeConnection` over Node `ws` that gets its URLs from
 * the backend (`backendUrlProvider`) or signs them itself (`credentialsUrlProvider`). With
 * `delivery`, the emulator forwards to the Python soak agent (bench/soak/delivery_agent.py,
 * same answers, `acr-delivery/1` through `agentcore_delivery`) and the connection has
 * `delivery: deliveryProtocol()`.
 */
export async function startSoakWorld(options: {
  seed: number;
  urlLifetimeSeconds: number;
  providerFailureRate: number;
  delivery?: boolean;
}): Promise<SoakWorld> {
  const agent = options.delivery ? await SoakAgentProcess.start() : undefined;
  const emulator = await startEmulator({
    credentials: SOAK_CREDENTIALS,
    ...(agent
      ? { forward: agent.url }
      : {
          agent: streamingAgent({ chunkSize: 6, intervalMs: 0, reply: (input) => `ok ${input}` }),
        }),
    faults: { seed: options.seed },
    maxEvents: 10_000_000,
  });
  const backend = await startPresignBackend({
    runtimeArn: SOAK_RUNTIME_ARN,
    credentials: SOAK_CREDENTIALS,
    endpoint: emulator.url,
    expiresSeconds: options.urlLifetimeSeconds,
    // Servers keep good time: the backend's clock is the runtime's.
    now: () => emulator.now(),
  });
  const online = new OnlineSwitch();
  const registry = new SocketRegistry(agent ? deliveredMessageNumber : messageNumber);
  const paths: Record<ProviderPath, UrlProvider> = {
    backend: backendUrlProvider({
      endpoint: backend.url,
      headers: { Authorization: `Bearer ${SOAK_PRINCIPAL}` },
    }),
    // Signs with the client's own clock, as a browser holding Cognito credentials does.
    credentials: credentialsUrlProvider({
      runtimeArn: SOAK_RUNTIME_ARN,
      credentials: SOAK_CREDENTIALS,
      endpoint: emulator.url,
      expires: options.urlLifetimeSeconds,
    }),
  };
  const provider = new SoakProvider({
    paths,
    random: new SeededRandom(options.seed ^ 0xfa11),
    failureRate: options.providerFailureRate,
    isOffline: () => !online.isOnline(),
  });
  const jitter = new SeededRandom(options.seed ^ 0x7177);
  const connection = new AgentRuntimeConnection({
    urlProvider: provider.provide,
    WebSocket: registry.webSocketClass(),
    onlineSource: online,
    retry: { ...SOAK_CONNECTION_SETTINGS.retry, random: () => jitter.next() },
    prefetchMarginMs: SOAK_CONNECTION_SETTINGS.prefetchMarginMs,
    urlSafetyMarginMs: SOAK_CONNECTION_SETTINGS.urlSafetyMarginMs,
    maxQueuedMessages: 5_000,
    ...(options.delivery ? { delivery: deliveryProtocol() } : {}),
  });
  return {
    emulator,
    backend,
    online,
    registry,
    provider,
    connection,
    agent,
    close: async () => {
      connection.close();
      await backend.close();
      await emulator.close();
      await agent?.stop();
    },
  };
}
