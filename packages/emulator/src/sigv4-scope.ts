import type { CredentialLookup, EmulatorCredentials } from "./credentials";
import { fail, type SignatureFailure } from "./signature-result";
import {
  SIGNING_SERVICE,
  parseAmzDate,
  parseCredentialScope,
  type CredentialScope,
} from "./sigv4-fields";

/** The signer a credential names: its scope and the credentials of its access key. */
export interface Signer {
  ok: true;
  scope: CredentialScope;
  credentials: EmulatorCredentials;
}

/**
 * Reads a SigV4 credential (`AKID/date/region/service/aws4_request`) and finds its
 * credentials; refuses an unknown access key or another service than AgentCore's.
 * `malformedReason` says where the credential came from when it cannot be read.
 */
export function resolveSigner(
  credential: string,
  lookup: CredentialLookup,
  malformedReason: string,
): Signer | SignatureFailure {
  const scope = parseCredentialScope(credential);
  if (!scope) return fail("malformed", malformedReason);
  const credentials = lookup(scope.accessKeyId);
  if (!credentials) return fail("unknown-access-key", `unknown access key ${scope.accessKeyId}`);
  if (scope.service !== SIGNING_SERVICE) {
    return fail(
      "wrong-service",
      `signed for service ${scope.service}, expected ${SIGNING_SERVICE}`,
    );
  }
  return { ok: true, scope, credentials };
}

/** Refuses a signature scoped to another region than `expected`. */
export function checkRegion(
  scope: CredentialScope,
  expected: string,
): SignatureFailure | undefined {
  if (scope.region === expected) return undefined;
  return fail("wrong-region", `signed for region ${scope.region}, expected ${expected}`);
}

/**
 * The region a request must be signed for: the verifier's, else the one in an AWS data-plane
 * host name, else the runtime ARN's.
 */
export function expectedRegion(
  configured: string | undefined,
  hostname: string,
  arnRegion: string,
): string {
  return configured ?? awsHostRegion(hostname) ?? arnRegion;
}

/** The region of `bedrock-agentcore.{region}.amazonaws.com`, else `undefined`. */
export function awsHostRegion(hostname: string): string | undefined {
  return /^bedrock-agentcore\.([a-z0-9-]+)\.amazonaws\.com$/.exec(hostname)?.[1];
}

/** Reads `X-Amz-Date` into epoch ms; it must be a real date on the scope's day. */
export function readSigningDate(
  amzDate: string,
  scope: CredentialScope,
): { ok: true; signedAt: number } | SignatureFailure {
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined)
    return fail("malformed", "X-Amz-Date is not a valid yyyyMMddTHHmmssZ date");
  if (scope.date !== amzDate.slice(0, 8)) {
    return fail("malformed", "the credential scope date differs from X-Amz-Date");
  }
  return { ok: true, signedAt };
}
