import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findPython } from "./python-agents";

/** The Python conformance agent of the delivery protocol (python/tests/conformance_agent.py). */
export const CONFORMANCE_AGENT = fileURLToPath(
  new URL("../../python/tests/conformance_agent.py", import.meta.url),
);

/**
 * The conformance agent served for real: started on `port` (0 for a free one), ready once it
 * printed `listening <port>`. `restart()` starts a new process on the same port, which is how
 * a test makes the agent lose its replay buffer.
 */
export class DeliveryAgentProcess {
  readonly port: number;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;

  private constructor(child: ChildProcess, port: number) {
    this.#child = child;
    this.port = port;
    this.#exited = new Promise((resolve) => child.once("exit", () => resolve()));
  }

  /** The base URL the emulator forwards to. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static start(port = 0, args: string[] = []): Promise<DeliveryAgentProcess> {
    const child = spawn(findPython(), [CONFORMANCE_AGENT, "--port", String(port), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    });
    let output = "";
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`the conformance agent did not start within 30 s:\n${output}`));
      }, 30_000);
      child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        const listening = /listening (\d+)/.exec(output);
        if (!listening) return;
        clearTimeout(deadline);
        resolve(new DeliveryAgentProcess(child, Number(listening[1])));
      });
      child.once("exit", (code) => {
        clearTimeout(deadline);
        reject(new Error(`the conformance agent exited with ${code}:\n${output}`));
      });
    });
  }

  /** Ends this process and starts a new one on the same port (a fresh epoch, an empty buffer). */
  async restart(): Promise<DeliveryAgentProcess> {
    await this.stop();
    return DeliveryAgentProcess.start(this.port);
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#child.kill("SIGTERM");
    }
    await this.#exited;
  }
}
