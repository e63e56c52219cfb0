import type { AwsCredentials } from "../signing/credentials";
import { AgentRuntimeCredentialsError } from "../signing/errors";

/**
 * Credentials from the standard variables `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
 * `AWS_SESSION_TOKEN`, read at every call (Lambda and containers rotate them).
 */
export async function environmentCredentials(): Promise<AwsCredentials> {
  // Workers and Deno (without Node compatibility) have no `process`.
  const env: Record<string, string | undefined> =
    typeof process === "undefined" ? {} : (process.env ?? {});
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new AgentRuntimeCredentialsError("No AWS credentials found");
  const sessionToken = env.AWS_SESSION_TOKEN;
  return sessionToken
    ? { accessKeyId, secretAccessKey, sessionToken }
    : { accessKeyId, secretAccessKey };
}
