/** The SigV4 signing name of the AgentCore data plane. */
export const SIGNING_SERVICE = "bedrock-agentcore";
/** The only SigV4 algorithm the service accepts. */
export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/** Parses a SigV4 `X-Amz-Date` (`20250101T000000Z`) into epoch ms, or `undefined`. */
export function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  // The pattern guarantees all six groups.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // Reject dates that Date.UTC silently rolls over, such as 20250230.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    back.getUTCHours() !== hour ||
    back.getUTCMinutes() !== minute ||
    back.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return ms;
}

/** The parts of `AKID/20250101/us-west-2/bedrock-agentcore/aws4_request`. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** Parses a SigV4 credential (`X-Amz-Credential` or the `Credential=` of an `Authorization`). */
export function parseCredentialScope(value: string): CredentialScope | undefined {
  const parts = value.split("/");
  if (parts.length !== 5) return undefined;
  const [accessKeyId = "", date = "", region = "", service = "", terminator = ""] = parts;
  if (
    !accessKeyId ||
    !/^\d{8}$/.test(date) ||
    !region ||
    !service ||
    terminator !== "aws4_request"
  ) {
    return undefined;
  }
  return { accessKeyId, date, region, service };
}

/** Compares two strings without an early exit, so timing does not reveal how much matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}
