/**
 * Vitest global setup for the browser project: the AgentCore Runtime emulator (a streaming
 * agent slow enough to stop or cut mid-answer) and the demo's presign backend, on ports the OS
 * picks, for the AI SDK adapter's Chromium test. The page presigns through the backend and
 * drives faults and reads transcripts through the emulator's HTTP control endpoint.
 */
// By path, not by package name: a global setup gets no resolve conditions (see emulator-stack.ts).
import {
  CONTROL_PREFIX,
  DEMO_CREDENTIALS,
  startEmulator,
  streamingAgent,
} from "../../packages/emulator/src/index";
import type { TestProject } from "vitest/node";
import { aiSdkReply } from "./ai-sdk-reply";
import { startPresignBackend } from "../../examples/server/presign-backend";
import {
  DEMO_REGION,
  DEMO_RUNTIME_ARN,
  DEMO_USER,
  DEMO_USER_HEADER,
} from "../../examples/src/demo-config";

/** What the browser test gets from `inject("aiSdkStack")`. */
export interface AiSdkStack {
  presignEndpoint: string;
  /** `http://HOST:PORT/__emulator`. */
  controlUrl: string;
  /** The header that signs the page in at the demo backend. */
  userHeader: { name: string; value: string };
}

declare module "vitest" {
  export interface ProvidedContext {
    aiSdkStack: AiSdkStack;
  }
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({
    region: DEMO_REGION,
    credentials: DEMO_CREDENTIALS,
    agent: streamingAgent({ chunkSize: 8, intervalMs: 25, reply: aiSdkReply }),
  });
  const backend = await startPresignBackend({
    port: 0,
    host: "127.0.0.1",
    runtimeArn: DEMO_RUNTIME_ARN,
    region: DEMO_REGION,
    endpoint: emulator.url,
    credentials: DEMO_CREDENTIALS,
    allowedOrigins: (origin) => LOOPBACK_ORIGIN.test(origin),
  });
  project.provide("aiSdkStack", {
    presignEndpoint: backend.presignEndpoint,
    controlUrl: `${emulator.httpUrl}${CONTROL_PREFIX}`,
    userHeader: { name: DEMO_USER_HEADER, value: DEMO_USER },
  });
  return async () => {
    await backend.close();
    await emulator.close();
  };
}
