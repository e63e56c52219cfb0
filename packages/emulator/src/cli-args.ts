import { parseArgs } from "node:util";
import type { BuiltInAgentName } from "./agents";
import { DEMO_CREDENTIALS, type EmulatorCredentials } from "./credentials";
import type { EmulatorOptions } from "./emulator-options";

/** Default port of the command-line emulator. */
export const CLI_DEFAULT_PORT = 8787;

/** The usage text of `agentcore-emulator`. */
export const USAGE = `Usage: agentcore-emulator [options]

A local stand-in for the Amazon Bedrock AgentCore Runtime WebSocket endpoint.

Options:
  --port <n>                 TCP port (default ${CLI_DEFAULT_PORT}; 0 lets the OS pick)
  --host <address>           interface to listen on (default 127.0.0.1)
  --region <region>          region signatures must be scoped to (default us-west-2)
  --agent <name>             echo | streaming | ag-ui (default echo)
  --access-key-id <id>       accepted access key (default AWS_ACCESS_KEY_ID, else demo credentials)
  --secret-access-key <key>  its secret (default AWS_SECRET_ACCESS_KEY)
  --session-token <token>    required token of temporary credentials (default AWS_SESSION_TOKEN)
  --bearer-token <token>     accept this OAuth bearer token (repeatable)
  --seed <n>                 seed of the fault randomness
  --max-frame-bytes <n>      frame limit (default 32768)
  --idle-timeout-ms <n>      idle timeout (default 900000)
  --max-stream-ms <n>        stream lifetime (default 3600000)
  --quiet                    do not print upgrade attempts and closes
  --help                     show this help
`;

/** Where the accepted credentials came from, for the start-up notice. */
export type CredentialsSource = "flags" | "environment" | "demo";

/** A parsed command line. */
export type CliArgs =
  | { kind: "help" }
  | { kind: "error"; message: string }
  | {
      kind: "run";
      options: EmulatorOptions & { port: number; host: string; region: string };
      agent: BuiltInAgentName;
      credentialsSource: CredentialsSource;
      accessKeyId: string;
      quiet: boolean;
    };

const AGENTS: readonly BuiltInAgentName[] = ["echo", "streaming", "ag-ui"];

function integer(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    return `--${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`;
  }
  return Number(value);
}

/** Parses `agentcore-emulator` arguments; credentials default to the environment, then the demo pair. */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliArgs {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        region: { type: "string" },
        agent: { type: "string" },
        "access-key-id": { type: "string" },
        "secret-access-key": { type: "string" },
        "session-token": { type: "string" },
        "bearer-token": { type: "string", multiple: true },
        seed: { type: "string" },
        "max-frame-bytes": { type: "string" },
        "idle-timeout-ms": { type: "string" },
        "max-stream-ms": { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if (values["help"]) return { kind: "help" };
  const str = (key: string) => values[key] as string | undefined;

  const numbers: Record<string, number | undefined> = {};
  const ranges: Array<[string, number, number]> = [
    ["port", 0, 65535],
    ["seed", 0, 2 ** 32 - 1],
    ["max-frame-bytes", 1, 2 ** 31],
    ["idle-timeout-ms", 1, 2 ** 31],
    ["max-stream-ms", 1, 2 ** 31],
  ];
  for (const [flag, min, max] of ranges) {
    const parsed = integer(str(flag), flag, min, max);
    if (typeof parsed === "string") return { kind: "error", message: parsed };
    numbers[flag] = parsed;
  }

  const agent = (str("agent") ?? "echo") as BuiltInAgentName;
  if (!AGENTS.includes(agent))
    return {
      kind: "error",
      message: `--agent must be one of ${AGENTS.join(", ")}, got ${JSON.stringify(agent)}`,
    };

  const flagKey = str("access-key-id");
  const flagSecret = str("secret-access-key");
  if ((flagKey === undefined) !== (flagSecret === undefined)) {
    return { kind: "error", message: "Give --access-key-id and --secret-access-key together" };
  }
  let credentials: EmulatorCredentials;
  let credentialsSource: CredentialsSource;
  if (flagKey !== undefined && flagSecret !== undefined) {
    credentials = { accessKeyId: flagKey, secretAccessKey: flagSecret };
    credentialsSource = "flags";
    const token = str("session-token");
    if (token) credentials.sessionToken = token;
  } else if (env["AWS_ACCESS_KEY_ID"] && env["AWS_SECRET_ACCESS_KEY"]) {
    credentials = {
      accessKeyId: env["AWS_ACCESS_KEY_ID"],
      secretAccessKey: env["AWS_SECRET_ACCESS_KEY"],
    };
    credentialsSource = "environment";
    const token = str("session-token") ?? env["AWS_SESSION_TOKEN"];
    if (token) credentials.sessionToken = token;
  } else {
    credentials = { ...DEMO_CREDENTIALS };
    credentialsSource = "demo";
  }
  if (credentials.accessKeyId === "" || credentials.secretAccessKey === "") {
    return { kind: "error", message: "The access key id and secret cannot be empty" };
  }

  const bearer = values["bearer-token"] as string[] | undefined;
  const region = str("region") ?? "us-west-2";
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    return { kind: "error", message: `--region ${JSON.stringify(region)} is not an AWS region` };
  return {
    kind: "run",
    agent,
    credentialsSource,
    accessKeyId: credentials.accessKeyId,
    quiet: values["quiet"] === true,
    options: {
      port: numbers["port"] ?? CLI_DEFAULT_PORT,
      host: str("host") ?? "127.0.0.1",
      region,
      agent,
      credentials,
      ...(bearer && bearer.length > 0 ? { bearerTokens: bearer } : {}),
      ...(numbers["seed"] !== undefined ? { faults: { seed: numbers["seed"] } } : {}),
      limits: {
        maxFrameBytes: numbers["max-frame-bytes"],
        idleTimeoutMs: numbers["idle-timeout-ms"],
        maxStreamMs: numbers["max-stream-ms"],
      },
    },
  };
}
