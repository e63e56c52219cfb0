import {
  CONTROL_PREFIX,
  DEMO_CREDENTIALS,
  startEmulator,
  type AgentOption,
  type Emulator,
  type EmulatorOptions,
} from "agentcore-react-emulator";
import {
  DEMO_BEARER_TOKEN,
  DEMO_REGION,
  DEMO_RUNTIME_ARN,
  DEMO_USER,
  DEMO_USER_HEADER,
  type DemoCodecName,
  type DemoConfig,
} from "../src/demo-config";
import type { AwsTarget } from "./aws-target";
import { startDeliveryAgent, type DeliveryAgentContainer } from "../delivery-agent/agent";
import { demoAgent, type DemoAgentName } from "./demo-agent";
import { isAddressInUse, portInUse } from "./errors";
import { DEFAULT_PORTS, DEMO_HOST } from "./ports";
import { startPresignBackend, type PresignBackend } from "./presign-backend";
import { startDemoApp, type DemoApp } from "./vite-app";

/** Options of {@link startDemo}. Ports may be 0 (the OS picks). */
export interface DemoOptions {
  appPort?: number;
  backendPort?: number;
  emulatorPort?: number;
  /**
   * The agent: a demo agent by name, or any emulator agent (tests). Default `streaming`.
   * `delivery` starts the delivery agent container and puts the emulator in front of it.
   */
  agent?: DemoAgentName | Exclude<AgentOption, string>;
  /**
   * Your own agent container (e.g. `http://127.0.0.1:8080`) instead of a demo agent: the
   * emulator forwards each stream to it (`forward`).
   */
  forward?: string;
  /** Message encoding the page uses. Default: `ag-ui` for the `ag-ui` agent, else `text`. */
  codec?: DemoCodecName;
  /** Talk to this real runtime instead of starting the emulator. */
  aws?: AwsTarget | null;
  /** More emulator options (limits, faults, seed...), for tests. */
  emulator?: Partial<EmulatorOptions>;
  /** Receives one line per emulator upgrade/close and per presign request. */
  log?: (source: "emulator" | "backend", line: string) => void;
  viteLogLevel?: "info" | "warn" | "error" | "silent";
  viteCacheDir?: string;
}

/** The three running servers (two in real-service mode). */
export interface DemoStack {
  readonly mode: DemoConfig["mode"];
  /** The page to open. */
  readonly appUrl: string;
  readonly app: DemoApp;
  readonly backend: PresignBackend;
  /** `null` in real-service mode. */
  readonly emulator: Emulator | null;
  /** The delivery agent container, with `agent: "delivery"` (else `null`). */
  readonly deliveryAgent: DeliveryAgentContainer | null;
  /** What the page receives at start-up. */
  readonly config: DemoConfig;
  /** Stops every server; idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the demo: the AgentCore Runtime emulator (unless `aws` names a real runtime), a presign
 * backend built with `createPresignHandler`, and the Vite dev server of the demo app.
 *
 * @throws {DemoStartError} when a port is taken (`port-in-use`, naming the server); anything
 *   already started is stopped first.
 */
export async function startDemo(options: DemoOptions = {}): Promise<DemoStack> {
  const started: Array<{ close(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const server of started.reverse()) await server.close().catch(() => {});
    started.length = 0;
  };
  try {
    const deliveryAgent =
      options.agent === "delivery" && !options.aws && !options.forward
        ? await startDeliveryAgent({ port: 0, host: DEMO_HOST })
        : null;
    if (deliveryAgent) started.push(deliveryAgent);
    const emulator = options.aws
      ? null
      : await startDemoEmulator({ ...options, forward: options.forward ?? deliveryAgent?.url });
    if (emulator) started.push(emulator);

    const appOrigins = new Set<string>();
    const backend = await startPresignBackend({
      port: options.backendPort ?? DEFAULT_PORTS.backend,
      host: DEMO_HOST,
      runtimeArn: options.aws?.runtimeArn ?? DEMO_RUNTIME_ARN,
      endpointName: options.aws?.endpointName,
      region: options.aws?.region ?? DEMO_REGION,
      endpoint: emulator?.url,
      credentials: emulator ? DEMO_CREDENTIALS : undefined,
      allowedOrigins: (origin) => appOrigins.has(origin),
      log: options.log && ((line) => options.log?.("backend", line)),
    });
    started.push(backend);

    const config = demoConfig(options, backend, emulator);
    const app = await startDemoApp({
      port: options.appPort ?? DEFAULT_PORTS.app,
      host: DEMO_HOST,
      config,
      logLevel: options.viteLogLevel,
      cacheDir: options.viteCacheDir,
    });
    started.push(app);
    appOrigins.add(app.origin);
    appOrigins.add(`http://localhost:${app.port}`);

    let closing: Promise<void> | undefined;
    return {
      mode: config.mode,
      appUrl: app.url,
      app,
      backend,
      emulator,
      deliveryAgent,
      config,
      close: () => (closing ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startDemoEmulator(options: DemoOptions): Promise<Emulator> {
  const port = options.emulatorPort ?? DEFAULT_PORTS.emulator;
  const agent = options.agent ?? "streaming";
  const agentOption = (): AgentOption => {
    if (typeof agent !== "string") return agent;
    // A container of its own: startDemo passes its URL as `forward`.
    if (agent === "delivery") throw new Error("The delivery agent runs apart from the emulator");
    return demoAgent(agent);
  };
  try {
    return await startEmulator({
      port,
      host: DEMO_HOST,
      region: DEMO_REGION,
      credentials: DEMO_CREDENTIALS,
      bearerTokens: [DEMO_BEARER_TOKEN],
      ...(options.forward ? { forward: options.forward } : { agent: agentOption() }),
      log: options.log && ((line) => options.log?.("emulator", line)),
      ...options.emulator,
    });
  } catch (error) {
    if (isAddressInUse(error)) throw portInUse("emulator", DEMO_HOST, port, error);
    throw error;
  }
}

function demoConfig(
  options: DemoOptions,
  backend: PresignBackend,
  emulator: Emulator | null,
): DemoConfig {
  const codec = options.codec ?? (options.agent === "ag-ui" ? "ag-ui" : "text");
  return {
    mode: emulator ? "emulator" : "aws",
    runtimeArn: options.aws?.runtimeArn ?? DEMO_RUNTIME_ARN,
    region: options.aws?.region ?? DEMO_REGION,
    presignEndpoint: backend.presignEndpoint,
    demoUser: { header: DEMO_USER_HEADER, value: DEMO_USER },
    codec,
    delivery: emulator !== null && options.agent === "delivery",
    voice: emulator !== null && !options.forward && options.agent === "voice",
    emulator: emulator && {
      url: emulator.url,
      controlUrl: `${emulator.httpUrl}${CONTROL_PREFIX}`,
      bearerToken: DEMO_BEARER_TOKEN,
    },
  };
}
