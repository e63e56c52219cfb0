import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { AgentRuntimeClient } from "../src/signing";
import { median, rotate, round } from "./lib/stats";

export const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";
export const SESSION = "3f8e2a4c-6b1d-4e7f-9a2b-0c5d8e1f4a7b-bench";
export const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN",
};
const HOST = "bedrock-agentcore.us-west-2.amazonaws.com";

/** One way to presign the runtime's WebSocket URL; resolves to the URL. */
export type Presign = () => Promise<string>;

export interface SigningFigures {
  iterations: number;
  rounds: number;
  /** Presigned URLs per second, over all rounds. */
  opsPerSec: Record<string, number>;
  /** time(ours) / time(other) for the same work in each round, and their median (goal <= 1.3 vs smithy). */
  ratios: Record<string, { perRound: number[]; median: number }>;
}

/**
 * Ours (`generatePresignedUrl`) and a raw smithy presign of the same request
 * (`@smithy/signature-v4` + `@aws-crypto/sha256-js`): both run in Node and in a browser.
 */
export function browserSafeContenders(): Record<string, Presign> {
  const client = new AgentRuntimeClient({ region: "us-west-2", credentials: CREDENTIALS });
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: "us-west-2",
    service: "bedrock-agentcore",
    sha256: Sha256,
    applyChecksum: false,
  });
  return {
    ours: () =>
      client.generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION, endpointName: "DEFAULT" }),
    smithy: async () => {
      const signed = await signer.presign(
        {
          method: "GET",
          protocol: "https:",
          hostname: HOST,
          path: `/runtimes/${encodeURIComponent(ARN)}/ws`,
          query: { qualifier: "DEFAULT", "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": SESSION },
          headers: { host: HOST },
        },
        { expiresIn: 300 },
      );
      return `wss://${HOST}${signed.path}?${new URLSearchParams(signed.query as Record<string, string>)}`;
    },
  };
}

async function timeLoop(iterations: number, op: Presign): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await op();
  return performance.now() - start;
}

/**
 * Times every contender back to back in each round, the order rotated every round (a round of
 * 1,000 presigns lasts long enough that a loaded machine's scheduling evens out); the ratios
 * are the median of the per-round ratios, so a burst of load on the machine skews one round,
 * not the result. `ours` must be among the contenders.
 */
export async function measureSigning(
  contenders: Record<string, Presign> = browserSafeContenders(),
  iterations = 1_000,
  rounds = 20,
): Promise<SigningFigures> {
  const names = Object.keys(contenders);
  for (const name of names) await timeLoop(iterations, contenders[name]!); // warm-up
  const totals: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const perRound: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    const times: Record<string, number> = {};
    for (const name of rotate(names, r))
      times[name] = await timeLoop(iterations, contenders[name]!);
    for (const name of names) {
      totals[name]! += times[name]!;
      if (name !== "ours") perRound[name]!.push(round(times.ours! / times[name]!, 3));
    }
  }
  const others = names.filter((name) => name !== "ours");
  return {
    iterations,
    rounds,
    opsPerSec: Object.fromEntries(
      names.map((name) => [name, Math.round(((iterations * rounds) / totals[name]!) * 1000)]),
    ),
    ratios: Object.fromEntries(
      others.map((name) => [
        name,
        { perRound: perRound[name]!, median: round(median(perRound[name]!), 3) },
      ]),
    ),
  };
}
