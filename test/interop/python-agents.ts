import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** The test agents: small AgentCore agent containers on Starlette and Uvicorn. */
export const AGENTS_DIR = fileURLToPath(new URL("../agents/python/", import.meta.url));

/** The Python agents: `text_agent.py`, `strands_agent.py`, `agui_agent.py`. */
export type AgentScript = "text_agent.py" | "strands_agent.py" | "agui_agent.py";

/** How many messages an agent reads per connection (its `--requests`; see agent_common.py). */
export type AgentRequests = "one" | "one-then-ignore" | "many";

/** A message the agent read, and which of its connections (0 for the first) carried it. */
export interface AgentInput {
  connection: number;
  message: string;
}

/** What an agent saw of one upgrade: the session id header and the custom headers. */
export interface SeenUpgrade {
  sessionId: string | null;
  /** Header names lower-case, as Starlette gives them. */
  custom: Record<string, string>;
}

let python: string | undefined;

/**
 * A Python 3 that has Starlette and Uvicorn: `AGENTCORE_TEST_PYTHON`, else the first of
 * `python3` and `/usr/bin/python3` (Debian's `python3-starlette python3-uvicorn`, which
 * `.ci/run` installs) that imports both.
 */
export function findPython(): string {
  if (python) return python;
  const candidates = [process.env["AGENTCORE_TEST_PYTHON"], "python3", "/usr/bin/python3"];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ["-c", "import starlette, uvicorn, wsproto"], {
      stdio: "ignore",
    });
    if (probe.status === 0) return (python = candidate);
  }
  throw new Error(
    "No python3 with Starlette and Uvicorn: apt-get install python3-starlette python3-uvicorn " +
      "(or set AGENTCORE_TEST_PYTHON to a python that has them)",
  );
}

/** A free TCP port on loopback, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One agent process, served on its own port. */
export class PythonAgent {
  readonly url: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #output = "";

  private constructor(child: ChildProcess, port: number) {
    this.#child = child;
    this.url = `http://127.0.0.1:${port}`;
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (this.#output += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (this.#output += chunk));
    this.#exited = new Promise((resolve) => child.once("exit", () => resolve()));
  }

  /** Starts `script` on a free port and resolves once its `GET /ping` answers 200. */
  static async start(script: AgentScript, requests: AgentRequests = "one"): Promise<PythonAgent> {
    const port = await freePort();
    const args = [`${AGENTS_DIR}${script}`, "--port", String(port), "--requests", requests];
    const child = spawn(findPython(), args, {
      cwd: AGENTS_DIR,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    });
    const agent = new PythonAgent(child, port);
    await agent.#waitForPing(script);
    return agent;
  }

  /** Polls `/ping` until it answers, the process exits, or 30 s (a loaded machine) pass. */
  async #waitForPing(script: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (this.#child.exitCode !== null)
        throw new Error(`${script} exited with ${this.#child.exitCode}:\n${this.#output}`);
      try {
        const response = await fetch(`${this.url}/ping`);
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`${script} did not answer GET /ping within 30 s:\n${this.#output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every upgrade the agent saw, oldest first (its test-only `GET /seen`). */
  async seen(): Promise<SeenUpgrade[]> {
    const response = await fetch(`${this.url}/seen`);
    const upgrades: unknown = await response.json();
    return Array.isArray(upgrades) ? upgrades : [];
  }

  /** Every message the agent read, oldest first (its test-only `GET /inputs`). */
  async inputs(): Promise<AgentInput[]> {
    const response = await fetch(`${this.url}/inputs`);
    const inputs: unknown = await response.json();
    return Array.isArray(inputs) ? inputs : [];
  }

  /** Ends the process and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null)
      this.#child.kill("SIGTERM");
    await this.#exited;
  }
}
