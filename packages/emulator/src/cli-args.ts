import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { voiceAgent, type BuiltInAgentName } from "./agents";
import { resolveCliCredentials, type CredentialsSource } from "./cli-credentials";
import {
  readSecretFile,
  SECRET_FLAGS,
  secretOnCommandLine,
  tokenList,
  type ReadTextFile,
} from "./cli-secrets";
import type { EmulatorOptions } from "./emulator-options";
import { resolveForward } from "./forward/forward-options";
import { EmulatorOptionsError } from "./options-error";

/** Default port of the command-line emulator. */
export const CLI_DEFAULT_PORT = 8787;

/** The usage text of `agentcore-emulator`. */
export const USAGE = `Usage: agentcore-emulator [options]

A local stand-in for the Amazon Bedrock AgentCore Runtime WebSocket endpoint.

Options:
  --port <n>                 TCP port (default ${CLI_DEFAULT_PORT}; 0 lets the OS pick)
  --host <address>           interface to listen on (default 127.0.0.1)
  --region <region>          region signatures must be scoped to (default us-west-2)
  --agent <name>             echo | streaming | ag-ui | voice (default echo)
  --voice-speech <kind>      the voice agent's answers: tone (default), or espeak: its
                             words spoken by espeak-ng (a tone, with a warning, without it)
  --forward <url>            instead of a built-in agent, your agent container, e.g.
                             http://127.0.0.1:8080: each stream is proxied to its /ws
                             (after GET /ping) with the session id and custom headers
  --access-key-id <id>       accepted access key (default AWS_ACCESS_KEY_ID, else demo credentials)
  --secret-access-key-file <path>
                             file holding its secret (default AWS_SECRET_ACCESS_KEY)
  --session-token-file <path>
                             file holding the required token of temporary credentials
                             (default AWS_SESSION_TOKEN)
  --bearer-token-file <path> file of OAuth bearer tokens to accept, one per line
                             (also AGENTCORE_EMULATOR_BEARER_TOKENS, comma-separated)

Secrets are never taken as arguments: every user of the machine can read those (ps).
  --seed <n>                 seed of the fault randomness
  --max-frame-bytes <n>      frame limit (default 32768)
  --idle-timeout-ms <n>      idle timeout (default 900000)
  --max-stream-ms <n>        stream lifetime (default 3600000)
  --quiet                    do not print upgrade attempts and closes
  --help                     show this help
`;

/** A parsed command line. */
export type CliArgs =
  | { kind: "help" }
  | CliError
  | {
      kind: "run";
      options: EmulatorOptions & { port: number; host: string; region: string };
      agent: BuiltInAgentName;
      /** The agent container's URL, with `--forward` (then `agent` is not used). */
      forward: string | undefined;
      credentialsSource: CredentialsSource;
      accessKeyId: string;
      quiet: boolean;
    };

/** A command line that cannot be run, and why. */
interface CliError {
  kind: "error";
  message: string;
}

const AGENTS: readonly BuiltInAgentName[] = ["echo", "streaming", "ag-ui", "voice"];

/** The numeric flags and their ranges. */
const NUMBER_FLAGS = [
  ["port", 0, 65535],
  ["seed", 0, 2 ** 32 - 1],
  ["max-frame-bytes", 1, 2 ** 31],
  ["idle-timeout-ms", 1, 2 ** 31],
  ["max-stream-ms", 1, 2 ** 31],
] as const;

type NumberFlag = (typeof NUMBER_FLAGS)[number][0];

/**
 * Parses `agentcore-emulator` arguments; credentials default to the environment, then the demo
 * pair. Secrets come from the environment or from files (`readFile`), never from arguments.
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readFile: ReadTextFile = (path) => readFileSync(path, "utf8"),
): CliArgs {
  const flags = readFlagsOrError(argv);
  if ("kind" in flags) return flags;
  if (flags.help) return { kind: "help" };
  const secretFlag = Object.keys(SECRET_FLAGS).find((flag) => flag in flags);
  if (secretFlag) return { kind: "error", message: secretOnCommandLine(secretFlag) };
  const secrets = readSecrets(flags, env, readFile);
  if ("error" in secrets) return { kind: "error", message: secrets.error };
  const numbers = readNumbers(flags);
  if (numbers.kind === "error") return numbers;
  const agent = readAgent(flags);
  if (agent.kind === "error") return agent;
  const found = resolveCliCredentials(
    {
      accessKeyId: flags["access-key-id"],
      secretAccessKey:
        secrets.secretAccessKey ??
        (flags["access-key-id"] === undefined ? undefined : env["AWS_SECRET_ACCESS_KEY"]),
      sessionToken: secrets.sessionToken,
    },
    env,
  );
  if (found.kind === "error") return found;
  const region = flags.region ?? "us-west-2";
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    return { kind: "error", message: `--region ${JSON.stringify(region)} is not an AWS region` };
  return {
    kind: "run",
    agent: agent.name,
    forward: agent.forward,
    credentialsSource: found.source,
    accessKeyId: found.credentials.accessKeyId,
    quiet: flags.quiet === true,
    options: {
      port: numbers.values["port"] ?? CLI_DEFAULT_PORT,
      host: flags.host ?? "127.0.0.1",
      region,
      ...(agent.forward === undefined ? { agent: agent.handler } : { forward: agent.forward }),
      credentials: found.credentials,
      ...otherOptions(secrets.bearerTokens, numbers.values),
    },
  };
}

interface AgentChoice {
  kind: "ok";
  name: BuiltInAgentName;
  /** What the emulator runs: the agent's name, or the voice agent with `--voice-speech`. */
  handler: EmulatorOptions["agent"];
  forward: string | undefined;
}

/** `--agent` (a built-in agent) or `--forward` (your container), not both. */
function readAgent(flags: CliFlags): AgentChoice | CliError {
  const name = flags.agent ?? "echo";
  if (!isBuiltInAgentName(name)) {
    const message = `--agent must be one of ${AGENTS.join(", ")}, got ${JSON.stringify(name)}`;
    return { kind: "error", message };
  }
  const speech = flags["voice-speech"];
  if (speech !== undefined && (name !== "voice" || (speech !== "tone" && speech !== "espeak"))) {
    const message = `--voice-speech takes tone or espeak, with --agent voice; got ${JSON.stringify(speech)}`;
    return { kind: "error", message };
  }
  const handler = speech === undefined ? name : voiceAgent({ speech });
  const forward = flags.forward;
  if (forward === undefined) return { kind: "ok", name, handler, forward };
  if (flags.agent !== undefined)
    return { kind: "error", message: "Give --agent or --forward, not both" };
  try {
    resolveForward(forward);
  } catch (error) {
    if (!(error instanceof EmulatorOptionsError)) throw error;
    return { kind: "error", message: `--${error.message}` };
  }
  return { kind: "ok", name, handler, forward };
}

/** Bearer tokens, the fault seed and the limits, where given. */
function otherOptions(
  bearer: string[],
  values: Partial<Record<NumberFlag, number>>,
): Pick<EmulatorOptions, "bearerTokens" | "faults" | "limits"> {
  return {
    ...(bearer.length > 0 ? { bearerTokens: bearer } : {}),
    ...(values["seed"] !== undefined ? { faults: { seed: values["seed"] } } : {}),
    limits: {
      maxFrameBytes: values["max-frame-bytes"],
      idleTimeoutMs: values["idle-timeout-ms"],
      maxStreamMs: values["max-stream-ms"],
    },
  };
}

/** Reads the flags strictly: an unknown flag or a missing value throws. */
function readFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      region: { type: "string" },
      agent: { type: "string" },
      "voice-speech": { type: "string" },
      forward: { type: "string" },
      "access-key-id": { type: "string" },
      "secret-access-key-file": { type: "string" },
      "session-token-file": { type: "string" },
      "bearer-token-file": { type: "string" },
      // Refused with a clear message: secrets on the command line leak.
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
}

type CliFlags = ReturnType<typeof readFlags>;

function readFlagsOrError(argv: readonly string[]): CliFlags | CliError {
  try {
    return readFlags(argv);
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
}

interface CliSecrets {
  secretAccessKey: string | undefined;
  sessionToken: string | undefined;
  bearerTokens: string[];
}

/** The secrets the files name, and the bearer tokens from the file or the environment. */
function readSecrets(
  flags: CliFlags,
  env: Readonly<Record<string, string | undefined>>,
  readFile: ReadTextFile,
): CliSecrets | { error: string } {
  const fromFile = (
    flag: "secret-access-key-file" | "session-token-file" | "bearer-token-file",
  ) => {
    const path = flags[flag];
    return path === undefined ? { value: undefined } : readSecretFile(flag, path, readFile);
  };
  const secret = fromFile("secret-access-key-file");
  const token = fromFile("session-token-file");
  const bearer = fromFile("bearer-token-file");
  for (const read of [secret, token, bearer]) if ("error" in read) return read;
  return {
    secretAccessKey: "value" in secret ? secret.value : undefined,
    sessionToken: "value" in token ? token.value : undefined,
    bearerTokens: [
      ...tokenList("value" in bearer ? bearer.value : undefined),
      ...tokenList(env["AGENTCORE_EMULATOR_BEARER_TOKENS"]),
    ],
  };
}

function readNumbers(
  flags: CliFlags,
): { kind: "ok"; values: Partial<Record<NumberFlag, number>> } | CliError {
  const values: Partial<Record<NumberFlag, number>> = {};
  for (const [flag, min, max] of NUMBER_FLAGS) {
    const parsed = integer(flags[flag], flag, min, max);
    if (typeof parsed === "string") return { kind: "error", message: parsed };
    values[flag] = parsed;
  }
  return { kind: "ok", values };
}

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

function isBuiltInAgentName(name: string): name is BuiltInAgentName {
  return AGENTS.some((agent) => agent === name);
}
