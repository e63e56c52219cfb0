/**
 * Vitest global setup for the browser project: a loopback control server that starts, on a
 * test's request, the emulator with an AG-UI agent behind it, presigns URLs for it and arms its
 * faults (the emulator by path: a global setup does not resolve the workspace package), so a Chromium test can run `@ag-ui/client` against it. Nothing starts until a test
 * asks (`POST /start`), so other browser tests pay for one idle HTTP server.
 *
 * - `POST /start` `{"agent":"python"}`: the AGUIApp-style Python agent (SSE frames, 1000 after
 *   each run) behind the emulator's `forward`; `{"agent":"paced"}`: the emulator's built-in
 *   AG-UI agent (JSON frames, 30 ms apart).
 * - `POST /presign` `{"sessionId"}`: a `PresignedConnection` for the running emulator.
 * - `POST /fault`: a `FaultCommand` for the running emulator.
 * - `POST /stop`.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import type { Emulator, FaultCommand } from "../../packages/emulator/src/index";
import type { PythonAgent } from "../interop/python-agents";

declare module "vitest" {
  export interface ProvidedContext {
    agUiStackUrl: string;
  }
}

const RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/ag_ui_agent-A1b2C3";

let running: { emulator: Emulator; agent?: PythonAgent } | undefined;

async function stop(): Promise<void> {
  await running?.emulator.close();
  await running?.agent?.stop();
  running = undefined;
}

async function start(agent: unknown): Promise<void> {
  await stop();
  const { DEMO_CREDENTIALS, startEmulator } = await import("../../packages/emulator/src/index");
  if (agent === "python") {
    const { PythonAgent } = await import("../interop/python-agents");
    const python = await PythonAgent.start("agui_agent.py");
    const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, forward: python.url });
    running = { emulator, agent: python };
  } else {
    running = { emulator: await startEmulator({ credentials: DEMO_CREDENTIALS, agent: "ag-ui" }) };
  }
}

async function presign(sessionId: unknown): Promise<unknown> {
  if (!running) throw new Error("no stack running");
  const { DEMO_CREDENTIALS } = await import("../../packages/emulator/src/index");
  const { AgentRuntimeClient } = await import("../../src/signing");
  const client = new AgentRuntimeClient({
    region: "us-west-2",
    credentials: DEMO_CREDENTIALS,
    endpoint: running.emulator.url,
  });
  const signed = await client.presign({ runtimeArn: RUNTIME_ARN, sessionId: String(sessionId) });
  return { url: signed.url, expiresAt: signed.expiresAt, sessionId: signed.sessionId };
}

async function handle(path: string | undefined, body: Record<string, unknown>): Promise<unknown> {
  if (path === "/start") return start(body["agent"]);
  if (path === "/presign") return presign(body["sessionId"]);
  if (path === "/fault") return running?.emulator.faults.apply(body as FaultCommand);
  if (path === "/stop") return stop();
  throw new Error(`unknown command ${path}`);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = createServer((request, response) => {
    response.setHeader("access-control-allow-origin", "*");
    readJson(request)
      .then((body) => handle(request.url, body))
      .then(
        (result) => response.end(JSON.stringify(result ?? null)),
        (error: unknown) => {
          response.statusCode = 500;
          response.end(JSON.stringify({ error: String(error) }));
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("agUiStackUrl", `http://127.0.0.1:${port}`);
  return async () => {
    await stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
