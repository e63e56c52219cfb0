import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  DEMO_CREDENTIALS,
  startEmulator,
  streamingAgent,
  type Emulator,
} from "agentcore-react-emulator";
import { WebSocket } from "ws";
import { AgentRuntimeConnection, type AgentEvent, type UrlProvider } from "../../src/index";
import { freePort } from "../support/processes";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The runtime the examples are configured with. */
export const RUNTIME_ARN =
  "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/support_agent-a1B2c3";

/** Generous: a loaded 2-core machine starts `tsx` and answers slowly. */
export const DEADLINE_MS = 60_000;

/** The answer the test agent streams, in small frames, for `input` on the session's `turn`. */
export function expectedAnswer(input: string, turn: number): string {
  return `Turn ${turn}: you said "${input}", and this answer came back in small pieces.`;
}

/** The emulator on a free loopback port, accepting its demo credentials, with a streaming agent. */
export function startTestEmulator(): Promise<Emulator> {
  return startEmulator({
    port: 0,
    credentials: DEMO_CREDENTIALS,
    agent: streamingAgent({ chunkSize: 5, intervalMs: 2, reply: expectedAnswer }),
  });
}

/**
 * The environment an example backend runs with against `emulator`: what a developer sets for
 * local development (the runtime, the emulator as endpoint, its demo credentials) and nothing
 * else from the AWS_* variables of the machine running the tests.
 */
export function emulatorEnvironment(emulator: Emulator): Record<string, string> {
  return {
    AGENTCORE_RUNTIME_ARN: RUNTIME_ARN,
    AGENTCORE_ENDPOINT: emulator.url,
    AWS_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEMO_CREDENTIALS.secretAccessKey,
    AGENT_SESSION_SECRET: "a-local-session-secret-of-at-least-32-bytes",
  };
}

/** An example backend running as its own Node process, as `npx tsx <file>` runs it. */
export interface RunningBackend {
  /** `http://127.0.0.1:PORT/api/agent-url`. */
  readonly endpoint: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `examples/backends/<file>` with `env` (plus PATH and the like; no AWS_* variables of
 * this machine) and resolves once it prints the URL it serves.
 */
export async function startBackend(
  file: string,
  env: Record<string, string>,
): Promise<RunningBackend> {
  const port = await freePort();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("AWS_") && !name.startsWith("AGENT"),
    ),
  );
  const child = spawn(
    process.execPath,
    ["--conditions=agentcore-react-source", "--import", "tsx", `examples/backends/${file}`],
    {
      cwd: REPO_ROOT,
      env: { ...base, ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  await lineMatching(
    child,
    /Presign backend on http:\/\/localhost:(\d+)\/api\/agent-url/,
    () => output,
  );
  return {
    endpoint: `http://127.0.0.1:${port}/api/agent-url`,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

/** Resolves when the child prints a line matching `pattern`; rejects if it exits first. */
function lineMatching(child: ChildProcess, pattern: RegExp, stderr: () => string): Promise<string> {
  let stdout = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      stdout += chunk;
      const match = pattern.exec(stdout);
      if (!match) return;
      child.off("exit", onExit);
      resolve(match[0]);
    };
    const onExit = (code: number | null) => {
      child.stdout?.off("data", onData);
      reject(new Error(`The backend exited (${code}) before listening.\n${stdout}\n${stderr()}`));
    };
    child.stdout?.setEncoding("utf8").on("data", onData);
    child.once("exit", onExit);
  });
}

/** SIGTERM, then waits for the exit. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** One question and its whole answer, as a chat in Node sees it. */
export interface RoundTrip {
  answer: string;
  sessionId: string;
}

/**
 * A chat round trip through `urlProvider`: an `AgentRuntimeConnection` on Node's `ws` opens the
 * presigned URL it gets, sends `question` and collects the streamed answer until it ends.
 */
export async function chat(urlProvider: UrlProvider, question: string): Promise<RoundTrip> {
  const connection = new AgentRuntimeConnection({ urlProvider, WebSocket });
  const deltas: string[] = [];
  try {
    const ended = new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => {
        const { status, reason, error } = connection.getSnapshot();
        const why = `status ${status}, ${reason}, ${error?.message}`;
        reject(new Error(`No whole answer within ${DEADLINE_MS} ms (${why})`));
      }, DEADLINE_MS);
      connection.onEvent((event: AgentEvent) => {
        if (event.type === "text-delta") deltas.push(event.delta);
        if (event.type === "error") reject(new Error(`The agent failed: ${event.message}`));
        if (event.type !== "message-end") return;
        clearTimeout(deadline);
        resolve();
      });
    });
    connection.connect();
    connection.send(question);
    await ended;
    return { answer: deltas.join(""), sessionId: connection.sessionId };
  } finally {
    connection.close();
  }
}
