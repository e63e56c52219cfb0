/**
 * What the adapters' Vitest global setups start: the AgentCore Runtime emulator with a given
 * agent, and the demo's presign backend (`createPresignHandler`) in front of it, both on
 * loopback ports the OS picks. Pages presign through the backend like an app does and arm
 * faults or read transcripts over the emulator's HTTP control endpoint. Each setup starts its
 * own (faults apply to a whole emulator, so test files that share one would trip each other).
 */
// By path, not by package name: a global setup is loaded without the test projects' resolve
// conditions, so the name would need the emulator's dist/, which a fresh clone has not built.
import {
  CONTROL_PREFIX,
  DEMO_CREDENTIALS,
  startEmulator,
  type AgentOption,
} from "../../packages/emulator/src/index";
import { startPresignBackend } from "../../examples/server/presign-backend";
import {
  DEMO_REGION,
  DEMO_RUNTIME_ARN,
  DEMO_USER,
  DEMO_USER_HEADER,
} from "../../examples/src/demo-config";

/** What a browser test gets from its setup's `inject(...)`. */
export interface AdapterStack {
  presignEndpoint: string;
  /** `http://127.0.0.1:PORT/__emulator`. */
  controlUrl: string;
  /** The demo backend's sign-in header. */
  signIn: { header: string; value: string };
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/;

/**
 * Starts the emulator with `agent` (or forwarding to an agent container) and the presign
 * backend; `close` stops both.
 */
export async function startAdapterStack(
  agent: AgentOption | { forward: string },
): Promise<{ stack: AdapterStack; close: () => Promise<void> }> {
  const emulator = await startEmulator({
    host: "127.0.0.1",
    port: 0,
    region: DEMO_REGION,
    credentials: DEMO_CREDENTIALS,
    ...(typeof agent === "object" ? agent : { agent }),
  });
  const backend = await startPresignBackend({
    port: 0,
    host: "127.0.0.1",
    runtimeArn: DEMO_RUNTIME_ARN,
    region: DEMO_REGION,
    endpoint: emulator.url,
    credentials: DEMO_CREDENTIALS,
    allowedOrigins: (origin) => LOOPBACK_ORIGIN.test(origin),
  }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  const stack = {
    presignEndpoint: backend.presignEndpoint,
    controlUrl: `${emulator.httpUrl}${CONTROL_PREFIX}`,
    signIn: { header: DEMO_USER_HEADER, value: DEMO_USER },
  };
  const close = async () => {
    await backend.close();
    await emulator.close();
  };
  return { stack, close };
}
