import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The soak's Python agent with delivery on (bench/soak/delivery_agent.py). */
const SOAK_AGENT = fileURLToPath(new URL("./delivery_agent.py", import.meta.url));
/** Debian's interpreter, which has Starlette and Uvicorn. */
const PYTHON = process.env.SOAK_PYTHON ?? "/usr/bin/python3";

/** One message the agent was handed, and which of its processes took it. */
export interface HandledMessage {
  message: number;
  /** 0 for the first process, +1 for each restart. */
  generation: number;
}

/**
 * The soak's Python agent, served for real under Uvicorn. It reads the agent's `handled <n>`
 * lines as they come (the pipe keeps them when the process is killed), and `restart()` kills
 * the process (SIGKILL: no goodbye, the replay buffer is gone) and starts a new one on the
 * same port.
 */
export class SoakAgentProcess {
  /** Every message a process of the agent was handed, in order. */
  readonly handled: HandledMessage[] = [];
  port = 0;
  generation = -1;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();

  /** The base URL the emulator forwards to. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the first process on a free port. */
  static async start(): Promise<SoakAgentProcess> {
    const agent = new SoakAgentProcess();
    await agent.#spawn();
    return agent;
  }

  /** Kills the process without warning and starts a new one on the same port. */
  async restart(): Promise<void> {
    await this.stop("SIGKILL");
    await this.#spawn();
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.#child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    await this.#exited;
  }

  #spawn(): Promise<void> {
    const generation = this.generation + 1;
    const child = spawn(PYTHON, [SOAK_AGENT, "--port", String(this.port)], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    });
    this.#child = child;
    this.generation = generation;
    // "close": its output is read to the end, so no late line of a killed process trails a new one.
    this.#exited = new Promise((resolve) => child.once("close", () => resolve()));
    // A soak that dies (an uncaught error) must not leave the agent serving.
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    child.once("close", () => process.off("exit", killOnExit));
    let stderr = "";
    let partial = "";
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`the soak agent did not start within 30 s:\n${stderr}`));
      }, 30_000);
      child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          const handled = /^handled (\d+)$/.exec(line);
          if (handled) this.handled.push({ message: Number(handled[1]), generation });
          const listening = /^listening (\d+)$/.exec(line);
          if (listening) {
            clearTimeout(deadline);
            this.port = Number(listening[1]);
            resolve();
          }
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(deadline);
        reject(new Error(`the soak agent exited with ${code ?? signal}:\n${stderr}`));
      });
    });
  }
}
