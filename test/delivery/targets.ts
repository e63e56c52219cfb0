import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AgentCommand } from "./agent-process";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PYTHON = "/usr/bin/python3";
const PYTHON_AGENT = "python/tests/conformance_agent.py";

/** An agent-side helper under test: how to start its conformance agent. */
export interface ConformanceTarget {
  readonly name: string;
  /** The command, or throws saying what is missing (the target fails; it is never skipped). */
  command(): AgentCommand;
}

export function pythonCommand(): AgentCommand {
  if (!existsSync(join(ROOT, PYTHON_AGENT))) {
    throw new Error(`The Python conformance agent ${PYTHON_AGENT} is missing`);
  }
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing`);
  const probe = spawnSync(PYTHON, ["-c", "import starlette, uvicorn"], { encoding: "utf8" });
  if (probe.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import starlette and uvicorn (apt-get install python3-starlette ` +
        `python3-uvicorn, or pip install them):\n${probe.stderr}`,
    );
  }
  return { command: PYTHON, args: [PYTHON_AGENT], cwd: ROOT };
}

/** Every helper the same scenarios run against. */
export const TARGETS: readonly ConformanceTarget[] = [
  {
    name: "node",
    command: () => ({
      command: process.execPath,
      args: ["--import", "tsx", "test/delivery/agents/node-agent.ts"],
      cwd: ROOT,
    }),
  },
  { name: "python", command: pythonCommand },
];
