import { EmulatorOptionsError } from "./options-error";

/** AWS credentials the emulator accepts signatures from. */
export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * For temporary credentials: a signature made with them must carry exactly this token
   * (`X-Amz-Security-Token`). Without it, a signature carrying any token is refused.
   */
  sessionToken?: string;
}

/** One set of credentials or several (e.g. a rotated key and its successor). */
export type CredentialsInput = EmulatorCredentials | readonly EmulatorCredentials[];

/** Looks credentials up by access key id. */
export type CredentialLookup = (accessKeyId: string) => EmulatorCredentials | undefined;

/**
 * Indexes credentials by access key id.
 *
 * @throws {EmulatorOptionsError} for a set without an access key id or secret, or a key listed twice.
 */
export function credentialLookup(input: CredentialsInput): CredentialLookup {
  const list: readonly EmulatorCredentials[] = isCredentialsList(input) ? input : [input];
  const byKey = new Map<string, EmulatorCredentials>();
  for (const credentials of list) {
    if (
      !credentials ||
      typeof credentials.accessKeyId !== "string" ||
      typeof credentials.secretAccessKey !== "string" ||
      credentials.accessKeyId === "" ||
      credentials.secretAccessKey === ""
    ) {
      throw new EmulatorOptionsError(
        "Emulator credentials need a non-empty accessKeyId and secretAccessKey",
      );
    }
    if (byKey.has(credentials.accessKeyId)) {
      throw new EmulatorOptionsError(
        `Emulator credentials list access key ${credentials.accessKeyId} twice`,
      );
    }
    byKey.set(credentials.accessKeyId, credentials);
  }
  return (accessKeyId) => byKey.get(accessKeyId);
}

function isCredentialsList(input: CredentialsInput): input is readonly EmulatorCredentials[] {
  return Array.isArray(input);
}

/**
 * Credentials that the emulator and the demo share when no real ones are configured. They are
 * published on purpose and open nothing but a local emulator.
 */
export const DEMO_CREDENTIALS: Readonly<EmulatorCredentials> = Object.freeze({
  accessKeyId: "AKIAEMULATORDEMO0001",
  secretAccessKey: "agentcore-emulator-demo-secret-key-not-for-aws",
});
