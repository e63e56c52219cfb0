import { parseArgs } from "node:util";
import type { DemoCodecName } from "../../examples/src/demo-config";
import type { DemoAgentName } from "../../examples/server/demo-agent";
import type { DemoServerName } from "../../examples/server/errors";
import { DEFAULT_PORTS } from "../../examples/server/ports";

/** The usage text of `npm start`. */
export const USAGE = `Usage: npm start [-- options]

Starts the agentcore-react demo: a local AgentCore Runtime emulator, a presign backend and the
demo app. With AGENTCORE_RUNTIME_ARN and AWS_REGION (and AWS credentials) in the environment,
it talks to the real service instead of the emulator.

Options (environment variable in brackets):
  --port <n>           demo app port (default ${DEFAULT_PORTS.app}) [DEMO_PORT]
  --backend-port <n>   presign backend port (default ${DEFAULT_PORTS.backend}) [DEMO_BACKEND_PORT]
  --emulator-port <n>  emulator port (default ${DEFAULT_PORTS.emulator}) [DEMO_EMULATOR_PORT]
  --agent <name>       the agent: streaming | echo | ag-ui | voice (the emulator's own; voice
                       answers speech with speech, and the page starts in voice mode) or
                       delivery (an agent container speaking the delivery protocol, started
                       with the demo; the page turns delivery on) (default streaming)
                       [DEMO_AGENT]
  --agent-url <url>    instead, your own agent container, e.g. http://127.0.0.1:8080: the
                       emulator checks its GET /ping and relays each stream to its /ws
                       [DEMO_AGENT_URL]
  --codec <name>       message encoding for a real agent: text | ag-ui (default text) [DEMO_CODEC]
  --quiet              do not print each upgrade, close and presign request
  --help               show this help

A port of 0 lets the system choose a free one.
`;

/** What `npm start` should do. */
export type StartArgs =
  | { kind: "help" }
  | { kind: "error"; message: string }
  | {
      kind: "run";
      ports: Record<DemoServerName, number>;
      agent: DemoAgentName;
      /** Your agent container, with `--agent-url` (the emulator forwards to it). */
      agentUrl: string | undefined;
      codec: DemoCodecName | undefined;
      quiet: boolean;
    };

/** Which flag and variable set each server's port (for messages). */
export const PORT_SETTINGS: Record<DemoServerName, { flag: string; env: string }> = {
  app: { flag: "--port", env: "DEMO_PORT" },
  backend: { flag: "--backend-port", env: "DEMO_BACKEND_PORT" },
  emulator: { flag: "--emulator-port", env: "DEMO_EMULATOR_PORT" },
};

const AGENTS: readonly DemoAgentName[] = ["streaming", "echo", "ag-ui", "voice", "delivery"];
const CODECS: readonly DemoCodecName[] = ["text", "ag-ui"];

type Environment = Readonly<Record<string, string | undefined>>;

function port(value: string | undefined, name: string, fallback: number): number | string {
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    return `${name} must be a port number from 0 to 65535, got ${JSON.stringify(value)}`;
  }
  return Number(value);
}

function choice<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
): T | undefined | { error: string } {
  if (value === undefined || value === "") return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return { error: `${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}` };
}

/** Parses the command line and the `DEMO_*` variables; flags win over variables. */
export function parseStartArgs(argv: readonly string[], env: Environment): StartArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        "backend-port": { type: "string" },
        "emulator-port": { type: "string" },
        agent: { type: "string" },
        "agent-url": { type: "string" },
        codec: { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help) return { kind: "help" };

  const ports = {} as Record<DemoServerName, number>;
  for (const server of ["app", "backend", "emulator"] as const) {
    const { flag, env: variable } = PORT_SETTINGS[server];
    const fromFlag = values[flag.slice(2)] as string | undefined;
    const parsed = port(
      fromFlag ?? env[variable],
      fromFlag === undefined ? variable : flag,
      DEFAULT_PORTS[server],
    );
    if (typeof parsed === "string") return { kind: "error", message: parsed };
    ports[server] = parsed;
  }
  const agentFlag = values.agent as string | undefined;
  const agent = choice(agentFlag ?? env.DEMO_AGENT, agentFlag ? "--agent" : "DEMO_AGENT", AGENTS);
  if (agent && typeof agent === "object") return { kind: "error", message: agent.error };
  const agentUrl = readAgentUrl(values["agent-url"] as string | undefined, env.DEMO_AGENT_URL);
  if (typeof agentUrl === "object") return { kind: "error", message: agentUrl.error };
  if (agentUrl && agentFlag)
    return { kind: "error", message: "Give --agent or --agent-url, not both" };
  const codecFlag = values.codec as string | undefined;
  const codec = choice(codecFlag ?? env.DEMO_CODEC, codecFlag ? "--codec" : "DEMO_CODEC", CODECS);
  if (codec && typeof codec === "object") return { kind: "error", message: codec.error };
  if (agent === "delivery" && codec === "ag-ui")
    return { kind: "error", message: "The delivery agent speaks the text codec, not ag-ui" };
  if (agent === "voice" && codec !== undefined)
    return {
      kind: "error",
      message: "The voice agent speaks the binary PCM codec: give no --codec",
    };
  return {
    kind: "run",
    ports,
    agent: agent ?? "streaming",
    agentUrl,
    codec,
    quiet: values.quiet === true,
  };
}

/** `--agent-url` (or `DEMO_AGENT_URL`): an http(s) base URL, e.g. `http://127.0.0.1:8080`. */
function readAgentUrl(
  flag: string | undefined,
  variable: string | undefined,
): string | undefined | { error: string } {
  const value = flag ?? (variable === "" ? undefined : variable);
  if (value === undefined) return undefined;
  const name = flag === undefined ? "DEMO_AGENT_URL" : "--agent-url";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      error: `${name} must be your agent's URL, e.g. http://127.0.0.1:8080, got ${JSON.stringify(value)}`,
    };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search)
    return {
      error: `${name} must be an http:// base URL such as http://127.0.0.1:8080, got ${JSON.stringify(value)}`,
    };
  return `${url.protocol}//${url.host}`;
}
