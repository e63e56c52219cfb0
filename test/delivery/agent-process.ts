import { spawn, type ChildProcess } from "node:child_process";

/** A conformance agent running as its own process. */
export interface AgentProcess {
  /** The port it said it listens on. */
  readonly port: number;
  /** What it printed on stderr so far (for failure messages). */
  stderr(): string;
  /** SIGKILL, then waits for the exit: the agent loses everything it kept. */
  kill(): Promise<void>;
}

/** How a target's agent is started. */
export interface AgentCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

/**
 * Starts an agent on `port` (0: a free one) and resolves once it printed `listening <port>` on
 * stdout; rejects with its output if it exits first. No deadline of its own: the hook's timeout
 * is the limit.
 */
export function startAgent(
  agent: AgentCommand,
  extraArgs: readonly string[],
  port = 0,
): Promise<AgentProcess> {
  const child = spawn(agent.command, [...agent.args, "--port", String(port), ...extraArgs], {
    cwd: agent.cwd,
    // Python's stdout is block-buffered in a pipe; the readiness line must come at once.
    env: { ...process.env, PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(
        new Error(
          `${agent.command} ${agent.args.join(" ")} exited (${code ?? signal}) before ` +
            `printing "listening <port>":\n${stdout}\n${stderr}`,
        ),
      );
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const ready = /^listening (\d+)$/m.exec(stdout);
      if (!ready) return;
      child.off("exit", onExit);
      resolve({ port: Number(ready[1]), stderr: () => stderr, kill: () => killChild(child) });
    });
    child.once("exit", onExit);
    child.once("error", reject);
  });
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}
