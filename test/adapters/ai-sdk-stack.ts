/**
 * Vitest global setup for the browser project's AI SDK tests: the emulator with a streaming
 * agent slow enough to stop or cut mid-answer, and the presign backend in front of it (see
 * `adapter-stack.ts`); and a second stack whose emulator forwards to an agent container that
 * speaks the delivery protocol, for resuming an answer after a reload.
 */
import type { TestProject } from "vitest/node";
import { aiSdkReply } from "./ai-sdk-reply";
import { startAdapterStack, type AdapterStack } from "./adapter-stack";
import { streamingAgent } from "../../packages/emulator/src/index";
import { startDeliveryContainer } from "./delivery-agent-container";

declare module "vitest" {
  export interface ProvidedContext {
    aiSdkStack: AdapterStack;
    aiSdkDeliveryStack: AdapterStack;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { stack, close } = await startAdapterStack(
    streamingAgent({ chunkSize: 8, intervalMs: 25, reply: aiSdkReply }),
  );
  project.provide("aiSdkStack", stack);
  const agent = await startDeliveryContainer(30);
  const delivery = await startAdapterStack({ forward: agent.url });
  project.provide("aiSdkDeliveryStack", delivery.stack);
  return async () => {
    await delivery.close();
    await agent.close();
    await close();
  };
}
