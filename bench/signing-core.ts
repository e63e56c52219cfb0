import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { AgentRuntimeClient } from "../src/signing";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";
const SESSION = "3f8e2a4c-6b1d-4e7f-9a2b-0c5d8e1f4a7b-bench";
const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN",
};
const HOST = "bedrock-agentcore.us-west-2.amazonaws.com";

export interface SigningFigures {
  iterations: number;
  rounds: number;
  oursOpsPerSec: number;
  smithyOpsPerSec: number;
  /** median over rounds of (time of ours / time of raw smithy) for the same work; goal <= 1.3 */
  ratio: number;
}

async function timeLoop(iterations: number, op: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await op();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * `generatePresignedUrl` against a raw smithy presign of the same request. Each round times
 * both back to back (alternating which goes first); the ratio is the median of the per-round
 * ratios, so a burst of load on the machine skews one round, not the result.
 */
export async function measureSigning(iterations = 200, rounds = 30): Promise<SigningFigures> {
  const client = new AgentRuntimeClient({ region: "us-west-2", credentials: CREDENTIALS });
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: "us-west-2",
    service: "bedrock-agentcore",
    sha256: Sha256,
    applyChecksum: false,
  });
  const ours = () =>
    client.generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION, endpointName: "DEFAULT" });
  const raw = () =>
    signer.presign(
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
  await timeLoop(iterations, ours); // warm-up
  await timeLoop(iterations, raw);
  let oursMs = 0;
  let rawMs = 0;
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await timeLoop(iterations, ours);
      b = await timeLoop(iterations, raw);
    } else {
      b = await timeLoop(iterations, raw);
      a = await timeLoop(iterations, ours);
    }
    oursMs += a;
    rawMs += b;
    ratios.push(a / b);
  }
  const total = iterations * rounds;
  return {
    iterations,
    rounds,
    oursOpsPerSec: Math.round((total / oursMs) * 1000),
    smithyOpsPerSec: Math.round((total / rawMs) * 1000),
    ratio: Number(median(ratios).toFixed(3)),
  };
}
