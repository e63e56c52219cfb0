import { invalidOption, isRecord } from "../core/option-checks";
import { AgentRuntimeCredentialsError } from "./errors";

/** AWS credentials, as the AWS SDK for JavaScript v3 shapes them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (STS, Cognito); signed into every URL. */
  sessionToken?: string;
  /** When temporary credentials stop working. */
  expiration?: Date;
}

/**
 * An async credentials source, the shape of smithy's `AwsCredentialIdentityProvider`
 * (`fromCognitoIdentityPool`, `fromNodeProviderChain`, ... all fit). Called on every signing
 * so rotated credentials are picked up.
 */
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

/** Static credentials or a provider of them. */
export type AwsCredentialsSource = AwsCredentials | AwsCredentialsProvider;

const NO_CREDENTIALS = "No AWS credentials found";

/**
 * Checks a credentials option: static credentials (an object) or a function that returns
 * them. Whether static ones hold usable keys is checked when they are used, with the SDK's
 * error.
 *
 * @throws {AgentRuntimeValidationError} `<name> must be AWS credentials ... (got <kind>)`.
 */
export function credentialsOption(name: string, value: AwsCredentialsSource): AwsCredentialsSource {
  if (typeof value === "function" || isRecord(value)) return value;
  throw invalidOption(
    name,
    "AWS credentials ({ accessKeyId, secretAccessKey }) or a function that returns them",
    value,
  );
}

/**
 * Resolves a credentials source to usable credentials.
 *
 * @throws {AgentRuntimeCredentialsError} `No AWS credentials found` when there are none, or a
 *   message naming the provider's failure (with the original error as `cause`).
 */
export async function resolveCredentials(
  source: AwsCredentialsSource | null | undefined,
): Promise<AwsCredentials> {
  if (!source) throw new AgentRuntimeCredentialsError(NO_CREDENTIALS);
  let credentials: AwsCredentials | null | undefined;
  if (typeof source === "function") {
    try {
      credentials = await source();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AgentRuntimeCredentialsError(`Could not resolve AWS credentials: ${reason}`, {
        cause: error,
      });
    }
  } else {
    credentials = source;
  }
  if (
    !credentials ||
    typeof credentials.accessKeyId !== "string" ||
    typeof credentials.secretAccessKey !== "string" ||
    credentials.accessKeyId === "" ||
    credentials.secretAccessKey === ""
  ) {
    throw new AgentRuntimeCredentialsError(NO_CREDENTIALS);
  }
  return credentials;
}
