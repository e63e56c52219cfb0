/**
 * Vitest global setup for the browser project's assistant-ui tests: the emulator with an AG-UI
 * agent and the presign backend in front of it (see `adapter-stack.ts`). The agent answers turn
 * N with `adapterReply(N)`.
 */
import type { TestProject } from "vitest/node";
import { adapterReply } from "./adapter-reply";
import { startAdapterStack, type AdapterStack } from "./adapter-stack";
import { agUiAgent } from "../../packages/emulator/src/index";

declare module "vitest" {
  export interface ProvidedContext {
    adapterStack: AdapterStack;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { stack, close } = await startAdapterStack(
    agUiAgent({ chunkSize: 4, intervalMs: 40, reply: (_text, turn) => adapterReply(turn) }),
  );
  project.provide("adapterStack", stack);
  return close;
}
