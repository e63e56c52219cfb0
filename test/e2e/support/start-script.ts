import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * `npm start` as a child process: `node --conditions=agentcore-react-source --import tsx scripts/start.ts ...args`.
 * Like `npm start`, it loads the emulator package from its sources (the `source` condition).
 */
export class StartScript {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], env: Record<string, string | undefined> = {}) {
    const base = { ...process.env };
    // The emulator mode unless a test asks for the real service.
    for (const name of [
      "AGENTCORE_RUNTIME_ARN",
      "AWS_REGION",
      "AWS_DEFAULT_REGION",
      "DEMO_PORT",
      "DEMO_BACKEND_PORT",
      "DEMO_EMULATOR_PORT",
      "DEMO_AGENT",
      "DEMO_CODEC",
    ])
      delete base[name];
    this.child = spawn(
      process.execPath,
      ["--conditions=agentcore-react-source", "--import", "tsx", "scripts/start.ts", ...args],
      {
        cwd: REPO_ROOT,
        env: { ...base, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => resolve({ code, signal })),
    );
  }

  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits first. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const match = this.stdout.match(pattern);
      if (match) return match;
      if (exited || Date.now() > deadline) {
        throw new Error(
          `start.ts ${exited ? "exited" : "timed out"} before printing ${pattern}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends a signal (Ctrl-C is SIGINT) and waits for the exit. */
  async stop(signal: NodeJS.Signals = "SIGINT") {
    if (this.child.exitCode === null) this.child.kill(signal);
    return this.exited;
  }
}
