import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import { AgentRuntimeClient } from "../../signing";

/** What the signing tests share: a runtime, a session, keys, a fixed clock and a client. */
export const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";
export const SESSION = "session-0001-abcdefghijklmnopqrstuvwxyz012345";
export const KEYS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
export const NOW = Date.UTC(2025, 0, 1);

export function client(
  overrides: Partial<ConstructorParameters<typeof AgentRuntimeClient>[0]> = {},
) {
  return new AgentRuntimeClient({
    region: "us-west-2",
    credentials: KEYS,
    now: () => NOW,
    ...overrides,
  });
}

/** Recomputes the signature of a presigned URL with smithy directly, as an independent check. */
export async function expectedSignature(
  url: string,
  host: string,
  secretAccessKey = KEYS.secretAccessKey,
) {
  const parsed = new URL(url.replace(/^wss?:/, "https:"));
  const query: Record<string, string> = {};
  for (const [k, v] of parsed.searchParams) if (k !== "X-Amz-Signature") query[k] = v;
  const [accessKeyId, , region] = query["X-Amz-Credential"]!.split("/");
  const token = query["X-Amz-Security-Token"];
  for (const k of Object.keys(query)) if (k.startsWith("X-Amz-")) delete query[k];
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey, sessionToken: token },
    region: region!,
    service: "bedrock-agentcore",
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: "https:",
      hostname: host,
      path: parsed.pathname,
      query,
      headers: { host },
    },
    { signingDate: new Date(NOW), expiresIn: Number(parsed.searchParams.get("X-Amz-Expires")) },
  );
  return signed.query?.["X-Amz-Signature"];
}
