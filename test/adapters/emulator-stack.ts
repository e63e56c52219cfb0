/**
 * Vitest global setup for the browser project's adapter tests: the AgentCore Runtime emulator
 * with an AG-UI agent, and the demo's presign backend (`createPresignHandler`) in front of it,
 * both on loopback ports the OS picks. Pages presign through the backend like an app does and
 * arm faults over the emulator's HTTP control endpoint.
 *
 * The agent answers turn N with `adapterReply(N)`.
 */
// By path, not by package name: a global setup is loaded without the test projects' resolve
// conditions, so the name would need the emulator's dist/, which a fresh clone has not built.
import {
  agUiAgent,
  CONTROL_PREFIX,
  DEMO_CREDENTIALS,
  startEmulator,
} from "../../packages/emulator/src/index";
import type { TestProject } from "vitest/node";
import { adapterReply } from "./adapter-reply";
import { startPresignBackend } from "../../examples/server/presign-backend";
import {
  DEMO_REGION,
  DEMO_RUNTIME_ARN,
  DEMO_USER,
  DEMO_USER_HEADER,
} from "../../examples/src/demo-config";

declare module "vitest" {
  export interface ProvidedContext {
    adapterStack: {
      presignEndpoint: string;
      /** `http://127.0.0.1:PORT/__emulator`. */
      controlUrl: string;
      /** The demo backend's sign-in header. */
      signIn: { header: string; value: string };
    };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({
    host: "127.0.0.1",
    port: 0,
    region: DEMO_REGION,
    credentials: DEMO_CREDENTIALS,
    agent: agUiAgent({ chunkSize: 4, intervalMs: 40, reply: (_text, turn) => adapterReply(turn) }),
  });
  const backend = await startPresignBackend({
    port: 0,
    host: "127.0.0.1",
    runtimeArn: DEMO_RUNTIME_ARN,
    region: DEMO_REGION,
    endpoint: emulator.url,
    credentials: DEMO_CREDENTIALS,
    allowedOrigins: () => true,
  }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  project.provide("adapterStack", {
    presignEndpoint: backend.presignEndpoint,
    controlUrl: `${emulator.httpUrl}${CONTROL_PREFIX}`,
    signIn: { header: DEMO_USER_HEADER, value: DEMO_USER },
  });
  return async () => {
    await backend.close();
    await emulator.close();
  };
}
