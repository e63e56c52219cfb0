import { DEMO_CREDENTIALS, type EmulatorCredentials } from "./credentials";

/** Where the accepted credentials came from, for the start-up notice. */
export type CredentialsSource = "flags" | "environment" | "demo";

/** The credentials flags as given. */
export interface CredentialsFlags {
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  sessionToken: string | undefined;
}

/** The credentials the command-line emulator accepts, or why the flags cannot be used. */
export type CliCredentials =
  | { kind: "ok"; credentials: EmulatorCredentials; source: CredentialsSource }
  | { kind: "error"; message: string };

/**
 * The credentials to accept: the flags (key and secret together), else `AWS_ACCESS_KEY_ID`
 * and `AWS_SECRET_ACCESS_KEY`, else the published demo pair. A session token comes from
 * `--session-token`, else (with environment credentials) `AWS_SESSION_TOKEN`.
 */
export function resolveCliCredentials(
  flags: CredentialsFlags,
  env: Readonly<Record<string, string | undefined>>,
): CliCredentials {
  const { accessKeyId, secretAccessKey } = flags;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    return {
      kind: "error",
      message:
        "Give --access-key-id and --secret-access-key-file (or AWS_SECRET_ACCESS_KEY) together",
    };
  }
  const found = chooseCredentials(flags, env);
  if (found.credentials.accessKeyId === "" || found.credentials.secretAccessKey === "") {
    return { kind: "error", message: "The access key id and secret cannot be empty" };
  }
  return { kind: "ok", ...found };
}

function chooseCredentials(
  flags: CredentialsFlags,
  env: Readonly<Record<string, string | undefined>>,
): { credentials: EmulatorCredentials; source: CredentialsSource } {
  if (flags.accessKeyId !== undefined && flags.secretAccessKey !== undefined) {
    const credentials = withToken(flags.accessKeyId, flags.secretAccessKey, flags.sessionToken);
    return { credentials, source: "flags" };
  }
  const envKey = env["AWS_ACCESS_KEY_ID"];
  const envSecret = env["AWS_SECRET_ACCESS_KEY"];
  if (envKey && envSecret) {
    const token = flags.sessionToken ?? env["AWS_SESSION_TOKEN"];
    return { credentials: withToken(envKey, envSecret, token), source: "environment" };
  }
  return { credentials: { ...DEMO_CREDENTIALS }, source: "demo" };
}

function withToken(
  accessKeyId: string,
  secretAccessKey: string,
  sessionToken: string | undefined,
): EmulatorCredentials {
  return sessionToken
    ? { accessKeyId, secretAccessKey, sessionToken }
    : { accessKeyId, secretAccessKey };
}
