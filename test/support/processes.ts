import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/**
 * The environment of a fresh terminal: this process's, without what a test runner, npm or this
 * machine's AWS setup put there (npm_* settings, NODE_ENV=test, NODE_OPTIONS, AWS_* and the
 * examples' variables), so each command sees only what the README tells the reader to set.
 */
export function freshTerminalEnvironment(): Record<string, string> {
  const dropped =
    /^(npm_|AWS_|AGENTCORE_|VITEST|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|TEST$|PORT$|BACKEND_URL$|AGENT_SESSION_SECRET$)/;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !dropped.test(name)) env[name] = value;
  }
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0" };
}

/** Runs a command to its end and resolves with its stdout; rejects with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? freshTerminalEnvironment(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) return resolve(stdout);
      const what = `${command} ${args.join(" ")} in ${options.cwd} failed (${code ?? signal})`;
      reject(new Error(`${what}:\n${stdout}\n${stderr}`));
    });
  });
}

/** A long-running command (a server), once it said it is ready. */
export interface Started {
  /** The match of the readiness pattern. */
  readonly ready: RegExpMatchArray;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts a server and resolves once its output matches `ready`; rejects if it exits first.
 * Waits on its output, with no deadline of its own (the test's hook timeout is the limit).
 */
export function start(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; ready: RegExp },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const started = (ready: RegExpMatchArray): Started => ({
    ready,
    output: () => output,
    stop: () => stopChild(child),
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const match = options.ready.exec(output);
      if (!match) return;
      child.off("exit", onExit);
      resolve(started(match));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`${command} ${args.join(" ")} exited (${code ?? signal}):\n${output}`));
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", onData);
    child.once("exit", onExit);
    child.once("error", reject);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A free TCP port (the OS picks it, and it is released at once for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
