/**
 * Vitest global setup for the browser project's AI SDK tests: the emulator with a streaming
 * agent slow enough to stop or cut mid-answer, and the presign backend in front of it (see
 * `adapter-stack.ts`).
 */
import type { TestProject } from "vitest/node";
import { aiSdkReply } from "./ai-sdk-reply";
import { startAdapterStack, type AdapterStack } from "./adapter-stack";
import { streamingAgent } from "../../packages/emulator/src/index";

declare module "vitest" {
  export interface ProvidedContext {
    aiSdkStack: AdapterStack;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { stack, close } = await startAdapterStack(
    streamingAgent({ chunkSize: 8, intervalMs: 25, reply: aiSdkReply }),
  );
  project.provide("aiSdkStack", stack);
  return close;
}
