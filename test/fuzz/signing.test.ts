import fc from "fast-check";
import { verifyPresignedUrl, verifySignedHeaders } from "agentcore-react-emulator";
// Not public API: the emulator's own route parser is the oracle of which ARNs it serves.
import { parseRuntimePath } from "../../packages/emulator/src/runtime-path";
import { AgentRuntimeProviderError } from "../../src/providers/errors";
import { bearerTokenProvider } from "../../src/providers/bearer-token-provider";
import {
  AgentRuntimeClient,
  AgentRuntimeCredentialsError,
  AgentRuntimeValidationError,
  bearerSubprotocols,
  credentialsUrlProvider,
  parseRuntimeArn,
  SESSION_ID_PARAM,
} from "../../src/signing";
import { anyText, regionArbitrary, runtimeArnArbitrary } from "../support/signing-arbitraries";
import { FUZZ_SEED, fuzzTarget, runs } from "./fuzz-report";

/**
 * Signing inputs, fuzzed further than src/signing/agent-runtime-client.property.test.ts (which
 * checks that URLs parse back to their inputs): here every URL or header set our signer makes
 * must pass the emulator's independent SigV4 verifier with the same meaning, the OAuth and
 * bearer paths and the providers fail only with typed errors, and `parseRuntimeArn` is exact.
 */

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

const text = anyText(40);
const region = regionArbitrary(text);
const runtimeId = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,47}$/), weight: 4 },
  { arbitrary: text, weight: 1 },
);
const runtimeArn = runtimeArnArbitrary(text, runtimeId);
/** Keys that collide with what the signer writes itself, mixed with arbitrary ones. */
const paramKey = fc.oneof(
  { arbitrary: text, weight: 4 },
  {
    arbitrary: fc.constantFrom(
      "qualifier",
      SESSION_ID_PARAM,
      "X-Amz-Date",
      "X-Amz-Signature",
      "x-amz-credential",
      "a b",
      "k=v&x",
    ),
    weight: 1,
  },
);
const customParams = fc.array(fc.tuple(paramKey, text), { maxLength: 4 });
const expires = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 300 }), weight: 4 },
  { arbitrary: fc.constantFrom(-1, 301, 1.5, Number.NaN, Infinity, 1e9), weight: 1 },
);
const credentials = fc.record(
  {
    accessKeyId: fc.oneof(
      fc.constant("AKIAFUZZEXAMPLE00001"),
      fc.stringMatching(/^[A-Z0-9]{1,24}$/),
    ),
    secretAccessKey: fc.oneof(fc.constant("fuzz/secret+key=="), fc.string({ minLength: 1 })),
    sessionToken: fc.oneof(fc.constant(undefined), fc.string({ minLength: 1, maxLength: 60 })),
  },
  { requiredKeys: ["accessKeyId", "secretAccessKey"] },
);

/**
 * Whether the runtime (the emulator, like the service) can serve this ARN at all. The signer
 * follows the SDK, which only checks that each part is non-empty, so it signs URLs for ARNs
 * such as `...:123 456:runtime/x` that no runtime serves; those the verifier refuses as
 * malformed before it looks at the signature.
 */
function servable(arn: string): boolean {
  return parseRuntimePath(`/runtimes/${encodeURIComponent(arn)}/ws`).ok;
}

function expectTyped(error: unknown, ...types: Array<abstract new (...args: never[]) => Error>) {
  if (!types.some((type) => error instanceof type)) {
    throw new Error(`expected a typed error, got ${String(error)}`, { cause: error });
  }
}

/** The SDK's dict semantics: a repeated key keeps its first place and takes the last value. */
function expectedParams(qualifier: string, custom: Array<[string, string]>, sessionId: string) {
  const merged = new Map<string, string>();
  if (qualifier) merged.set("qualifier", qualifier);
  for (const [k, v] of custom) merged.set(k, v);
  merged.set(SESSION_ID_PARAM, sessionId);
  return Object.fromEntries(merged);
}

describe("fuzz: signing", () => {
  it("every presigned URL passes the independent verifier with the inputs' meaning, or signing refuses with a typed error", async () => {
    let cases = 0;
    let signed = 0;
    let verified = 0;
    await fuzzTarget(
      "signing: presigned URL through the verifier",
      () => ({ cases, signed, verified }),
      () =>
        fc.assert(
          fc.asyncProperty(
            region,
            runtimeArn,
            text,
            text,
            customParams,
            expires,
            credentials,
            async (r, arn, sessionId, qualifier, custom, seconds, keys) => {
              cases += 1;
              let url: string;
              try {
                const client = new AgentRuntimeClient({
                  region: r,
                  credentials: keys,
                  now: () => NOW,
                  randomUUID: () => "f".repeat(36),
                });
                url = await client.generatePresignedUrl({
                  runtimeArn: arn,
                  sessionId,
                  endpointName: qualifier,
                  customParams: custom,
                  expires: seconds,
                });
              } catch (error) {
                expectTyped(error, AgentRuntimeValidationError, AgentRuntimeCredentialsError);
                return;
              }
              signed += 1;
              const verdict = await verifyPresignedUrl(url, { credentials: keys, now: NOW });
              if (!servable(arn)) {
                expect(verdict).toMatchObject({ ok: false, code: "malformed" });
                return;
              }
              verified += 1;
              if (!verdict.ok) throw new Error(`the verifier refused our URL: ${verdict.reason}`);
              expect(verdict.runtimeArn).toBe(arn);
              expect(verdict.sessionId).toBe(sessionId || "f".repeat(36));
              expect(verdict.params).toEqual(
                expectedParams(qualifier, custom, sessionId || "f".repeat(36)),
              );
              expect(verdict.expiresAt - verdict.signedAt).toBe((seconds ?? 300) * 1000);
            },
          ),
          { seed: FUZZ_SEED, numRuns: runs(400) },
        ),
    );
    expect(verified).toBeGreaterThan(cases / 5);
  });

  it("every SigV4 header set passes the independent verifier, or signing refuses with a typed error", async () => {
    let cases = 0;
    let signed = 0;
    let verified = 0;
    await fuzzTarget(
      "signing: SigV4 headers through the verifier",
      () => ({ cases, signed, verified }),
      () =>
        fc.assert(
          fc.asyncProperty(
            region,
            runtimeArn,
            text,
            text,
            credentials,
            async (r, arn, sessionId, qualifier, keys) => {
              cases += 1;
              let connection;
              try {
                const client = new AgentRuntimeClient({
                  region: r,
                  credentials: keys,
                  now: () => NOW,
                });
                connection = await client.generateWsConnection({
                  runtimeArn: arn,
                  sessionId,
                  endpointName: qualifier,
                });
              } catch (error) {
                expectTyped(error, AgentRuntimeValidationError, AgentRuntimeCredentialsError);
                return;
              }
              signed += 1;
              const { pathname, search } = new URL(connection.url);
              const verdict = await verifySignedHeaders(
                { target: `${pathname}${search}`, headers: connection.headers },
                { credentials: keys, now: NOW },
              );
              if (!servable(arn)) {
                expect(verdict).toMatchObject({ ok: false, code: "malformed" });
                return;
              }
              verified += 1;
              if (!verdict.ok)
                throw new Error(`the verifier refused our headers: ${verdict.reason}`);
              expect(verdict.runtimeArn).toBe(arn);
              expect(verdict.qualifier).toBe(qualifier || undefined);
              expect(connection.headers[SESSION_ID_PARAM]).toBe(connection.sessionId);
            },
          ),
          { seed: FUZZ_SEED, numRuns: runs(300) },
        ),
    );
    // Header signing refuses more (a session id must fit in a header); a tenth must still pass.
    expect(verified).toBeGreaterThan(cases / 10);
  });

  it("OAuth headers carry the token exactly, or a typed error says why not", async () => {
    let cases = 0;
    let accepted = 0;
    await fuzzTarget(
      "signing: OAuth headers",
      () => ({ cases, accepted }),
      () =>
        fc.assert(
          fc.asyncProperty(
            runtimeArn,
            text,
            text,
            text,
            async (arn, token, sessionId, qualifier) => {
              cases += 1;
              try {
                const client = new AgentRuntimeClient({ region: "us-west-2" });
                const { headers } = await client.generateWsConnectionOAuth({
                  runtimeArn: arn,
                  bearerToken: token,
                  sessionId,
                  endpointName: qualifier,
                });
                expect(headers["Authorization"]).toBe(`Bearer ${token}`);
                accepted += 1;
              } catch (error) {
                expectTyped(error, AgentRuntimeValidationError);
              }
            },
          ),
          { seed: FUZZ_SEED, numRuns: runs(400) },
        ),
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("bearerSubprotocols carries exactly the token (never a silently altered one), or a typed error", async () => {
    let cases = 0;
    let carried = 0;
    await fuzzTarget(
      "signing: bearer subprotocols",
      () => ({ cases, carried }),
      () =>
        fc.assert(
          fc.property(text, (token) => {
            cases += 1;
            let protocols: [string, string];
            try {
              protocols = bearerSubprotocols(token);
            } catch (error) {
              expectTyped(error, AgentRuntimeValidationError);
              return;
            }
            const [carrier, marker] = protocols;
            expect(marker).toBe("base64UrlBearerAuthorization");
            const encoded = carrier.slice("base64UrlBearerAuthorization.".length);
            // A subprotocol is an RFC 6455 token; base64url without padding is one.
            expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
            const bytes = Uint8Array.from(
              atob(encoded.replace(/-/g, "+").replace(/_/g, "/")),
              (c) => c.charCodeAt(0),
            );
            expect(new TextDecoder().decode(bytes)).toBe(token);
            carried += 1;
          }),
          { seed: FUZZ_SEED, numRuns: runs(1000) },
        ),
    );
    expect(carried).toBeGreaterThan(0);
  });

  it("parseRuntimeArn gives back exactly the parts of the string, or a typed error", async () => {
    let cases = 0;
    let parsed = 0;
    await fuzzTarget(
      "signing: parseRuntimeArn",
      () => ({ cases, parsed }),
      () =>
        fc.assert(
          fc.property(fc.oneof(runtimeArn, fc.anything()), (input) => {
            cases += 1;
            try {
              const arn = parseRuntimeArn(input as string);
              parsed += 1;
              expect(
                `arn:${arn.partition}:bedrock-agentcore:${arn.region}:${arn.accountId}:runtime/${arn.runtimeId}`,
              ).toBe(input);
            } catch (error) {
              expectTyped(error, AgentRuntimeValidationError);
            }
          }),
          { seed: FUZZ_SEED, numRuns: runs(1000) },
        ),
    );
    expect(parsed).toBeGreaterThan(cases / 10);
  });

  it("providers: bad options throw typed errors at creation; a call rejects only with AgentRuntimeProviderError", async () => {
    let cases = 0;
    let minted = 0;
    await fuzzTarget(
      "signing: credentials and bearer providers",
      () => ({ cases, minted }),
      () =>
        fc.assert(
          fc.asyncProperty(
            runtimeArn,
            customParams,
            text,
            expires,
            fc.oneof(
              { arbitrary: fc.constant(undefined), weight: 4 },
              {
                arbitrary: fc.constantFrom(
                  "ws://127.0.0.1:8787",
                  "wss://example.com",
                  "http://x/y",
                ),
                weight: 2,
              },
              { arbitrary: text, weight: 1 },
            ),
            fc.oneof(text, fc.string({ unit: "grapheme-ascii", minLength: 33, maxLength: 60 })),
            fc.oneof(
              { arbitrary: fc.constant("eyJhbGciOiJub25lIn0.eyJzdWIiOiJmdXp6In0.c2ln"), weight: 3 },
              { arbitrary: text, weight: 2 },
              { arbitrary: fc.constantFrom(undefined, null, 42, ""), weight: 1 },
            ),
            async (arn, custom, qualifier, seconds, endpoint, sessionId, token) => {
              cases += 1;
              const context = { sessionId, signal: new AbortController().signal, attempt: 0 };
              let signing;
              try {
                signing = credentialsUrlProvider({
                  runtimeArn: arn,
                  credentials: { accessKeyId: "AKIAFUZZ", secretAccessKey: "s" },
                  customParams: custom,
                  endpointName: qualifier,
                  expires: seconds,
                  endpoint,
                });
              } catch (error) {
                expectTyped(error, AgentRuntimeValidationError);
              }
              if (signing) {
                try {
                  const answer = await signing(context);
                  expect(answer.sessionId).toBe(sessionId);
                  minted += 1;
                } catch (error) {
                  expectTyped(error, AgentRuntimeProviderError);
                }
              }
              let bearer;
              try {
                bearer = bearerTokenProvider({
                  runtimeArn: arn,
                  getToken: () => token as string,
                  endpointName: qualifier,
                });
              } catch (error) {
                expectTyped(error, AgentRuntimeValidationError);
              }
              if (bearer) {
                try {
                  const answer = await bearer(context);
                  expect(answer.sessionId).toBe(sessionId);
                } catch (error) {
                  expectTyped(error, AgentRuntimeProviderError);
                }
              }
            },
          ),
          { seed: FUZZ_SEED, numRuns: runs(300) },
        ),
    );
    expect(minted).toBeGreaterThan(0);
  });
});
