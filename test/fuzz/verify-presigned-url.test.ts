import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import {
  verifyPresignedUrl,
  type EmulatorCredentials,
  type SignatureVerification,
} from "agentcore-react-emulator";
import { AgentRuntimeClient } from "../../src/signing";
import type { VectorFile } from "../vectors/vector-format";
import { FUZZ_SEED, fuzzTarget, runs } from "./fuzz-report";
import { isEquivalent, mutate, MUTATIONS, type Mutation } from "./url-mutations";

/**
 * No false accept: golden URLs (the Python SDK's) and fresh ones (our signer, arbitrary session
 * ids, qualifiers and custom parameters) are mutated structurally (parameters reordered,
 * duplicated, removed or added; case and percent-encoding changed; truncated; host, port,
 * scheme and path changed) and given to `verifyPresignedUrl`. A mutation that changes what was
 * signed must be refused. One that keeps the meaning (see url-mutations.ts for why each is
 * equivalent) may pass, but then with exactly the original's runtime, session and parameters.
 * (Single-character substitutions of the golden URLs are in verify-presigned-url.test.ts.)
 */

interface Source {
  url: string;
  credentials: EmulatorCredentials;
  now: number;
}

const file = JSON.parse(
  readFileSync(resolve(__dirname, "../fixtures/agentcore-python-sdk.json"), "utf8"),
) as VectorFile;
const GOLDEN: Source[] = (file.vectors ?? [])
  .filter((vector) => vector.method === "generate_presigned_url")
  .map((vector) => ({
    url: vector.output?.url as string,
    credentials: vector.input?.credentials as EmulatorCredentials,
    now: Date.parse(vector.input?.now as string),
  }));

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 20,
});

/** Inputs for fresh URLs, with values that need escaping (spaces, reserved characters). */
const freshInput = fc.record({
  sessionId: fc.oneof(
    fc.uuid(),
    fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
      minLength: 33,
      maxLength: 60,
    }),
  ),
  qualifier: fc.oneof(
    fc.constant(undefined),
    fc.constantFrom("DEFAULT", "prod v2", "a/b"),
    printable,
  ),
  custom: fc.array(fc.tuple(printable, printable), { maxLength: 3 }),
  token: fc.oneof(
    fc.constant(undefined),
    fc.constantFrom("token/with+special=chars", "FQoGZXIvYXdzE"),
  ),
  expires: fc.integer({ min: 1, max: 300 }),
});

async function signFresh(input: typeof freshInput extends fc.Arbitrary<infer T> ? T : never) {
  const credentials: EmulatorCredentials = {
    accessKeyId: "AKIAFUZZMUTATIONS001",
    secretAccessKey: "mutation/secret+key",
    ...(input.token ? { sessionToken: input.token } : {}),
  };
  const client = new AgentRuntimeClient({ region: "us-west-2", credentials, now: () => NOW });
  const url = await client.generatePresignedUrl({
    runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/fuzz_agent-a1B2c3",
    sessionId: input.sessionId,
    endpointName: input.qualifier,
    customParams: input.custom,
    expires: input.expires,
  });
  return { url, credentials, now: NOW } satisfies Source;
}

/** What a verdict says the URL means. */
function meaning(verdict: SignatureVerification) {
  if (!verdict.ok) return null;
  const { runtimeArn, sessionId, qualifier, params, signedAt, expiresAt, accessKeyId } = verdict;
  return { runtimeArn, sessionId, qualifier, params, signedAt, expiresAt, accessKeyId };
}

type Tally = Record<Mutation, { tried: number; refused: number; acceptedAsEquivalent: number }>;

/**
 * Mutations the service's reading (`queryEncoding: "service"`) may also accept: it decodes
 * every parameter, so a reserved character written raw (`/` for `%2F`) is the same value. A
 * delimiter written raw (`&`, `=` in a key, `+`) changes the parameters and is still refused.
 */
const SERVICE_EQUIVALENT = new Set<Mutation>(["decode-reserved"]);

async function checkMutation(
  source: Source,
  mutation: Mutation,
  n: number,
  tally: Tally,
  queryEncoding: "exact" | "service" = "exact",
) {
  const mutated = mutate(source.url, mutation, n);
  if (mutated === undefined || mutated === source.url) return false;
  const options = { credentials: source.credentials, now: source.now, queryEncoding };
  const original = await verifyPresignedUrl(source.url, options);
  expect(original.ok).toBe(true);
  const verdict = await verifyPresignedUrl(mutated, options);
  const counts = tally[mutation];
  counts.tried += 1;
  if (!verdict.ok) {
    counts.refused += 1;
    return true;
  }
  if (
    !isEquivalent(mutation) &&
    !(queryEncoding === "service" && SERVICE_EQUIVALENT.has(mutation))
  ) {
    throw new Error(`false accept after ${mutation}: ${mutated}`);
  }
  counts.acceptedAsEquivalent += 1;
  expect(meaning(verdict)).toEqual(meaning(original));
  return true;
}

function newTally(): Tally {
  return Object.fromEntries(
    MUTATIONS.map((mutation) => [mutation, { tried: 0, refused: 0, acceptedAsEquivalent: 0 }]),
  ) as Tally;
}

const mutation = fc.constantFrom(...MUTATIONS);

describe("fuzz: verifyPresignedUrl never accepts a changed URL", () => {
  it("golden URLs from the Python SDK, mutated", async () => {
    const tally = newTally();
    let cases = 0;
    await fuzzTarget(
      "verifyPresignedUrl: golden URLs mutated",
      () => ({ cases, byMutation: tally }),
      () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...GOLDEN),
            mutation,
            fc.nat(),
            async (source, kind, n) => {
              if (await checkMutation(source, kind, n, tally)) cases += 1;
            },
          ),
          { seed: FUZZ_SEED, numRuns: runs(1500) },
        ),
    );
    expect(GOLDEN.length).toBeGreaterThan(0);
    for (const kind of MUTATIONS) {
      if (kind === "plus-for-space" || kind === "decode-reserved") continue; // golden URLs may lack such escapes
      expect(tally[kind].tried, kind).toBeGreaterThan(0);
    }
  }, 30_000);

  it("fresh URLs from our signer, mutated", async () => {
    const tally = newTally();
    let cases = 0;
    await fuzzTarget(
      "verifyPresignedUrl: fresh URLs mutated",
      () => ({ cases, byMutation: tally }),
      () =>
        fc.assert(
          fc.asyncProperty(freshInput, mutation, fc.nat(), async (input, kind, n) => {
            const source = await signFresh(input);
            if (await checkMutation(source, kind, n, tally)) cases += 1;
          }),
          { seed: FUZZ_SEED, numRuns: runs(1500) },
        ),
    );
    for (const kind of MUTATIONS) expect(tally[kind].tried, kind).toBeGreaterThan(0);
  }, 30_000);

  it("golden and fresh URLs, mutated, read as the service reads them (the emulator's way)", async () => {
    const tally = newTally();
    let cases = 0;
    const source = fc.oneof(
      fc.constantFrom(...GOLDEN).map((golden) => async () => golden),
      freshInput.map((input) => () => signFresh(input)),
    );
    await fuzzTarget(
      "verifyPresignedUrl (service encoding): URLs mutated",
      () => ({ cases, byMutation: tally }),
      () =>
        fc.assert(
          fc.asyncProperty(source, mutation, fc.nat(), async (make, kind, n) => {
            if (await checkMutation(await make(), kind, n, tally, "service")) cases += 1;
          }),
          { seed: FUZZ_SEED, numRuns: runs(1500) },
        ),
    );
    for (const kind of MUTATIONS) expect(tally[kind].tried, kind).toBeGreaterThan(0);
  }, 30_000);
});
