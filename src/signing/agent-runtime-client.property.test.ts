import fc from "fast-check";
import {
  anyText,
  regionArbitrary,
  runtimeArnArbitrary,
} from "../../test/support/signing-arbitraries";
import { AgentRuntimeClient, AgentRuntimeValidationError, SESSION_ID_PARAM } from "../signing";

const KEYS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const SEED = 20250101;

const text = anyText();
const region = regionArbitrary(text);
// Runtime ids are any text here: the property is that odd ids still parse back.
const runtimeArn = runtimeArnArbitrary(text, text);
const customParams = fc.array(fc.tuple(text, text), { maxLength: 4 });

function expectTypedError(error: unknown) {
  if (!(error instanceof AgentRuntimeValidationError)) {
    throw new Error(`expected a typed validation error, got ${String(error)}`);
  }
}

/** The SDK's dict semantics: a repeated key keeps its first position and takes the last value. */
function expectedQuery(qualifier: string, custom: Array<[string, string]>, sessionId: string) {
  const merged = new Map<string, string>();
  if (qualifier) merged.set("qualifier", qualifier);
  for (const [k, v] of custom) merged.set(k, v);
  merged.set(SESSION_ID_PARAM, sessionId);
  return [...merged];
}

describe("signing accepts any input or refuses it with a typed error", () => {
  it("generatePresignedUrl: the URL parses back to the inputs", async () => {
    let signed = 0;
    await fc.assert(
      fc.asyncProperty(
        region,
        runtimeArn,
        text,
        text,
        customParams,
        async (r, arn, sessionId, qualifier, custom) => {
          let url: string;
          try {
            const client = new AgentRuntimeClient({
              region: r,
              credentials: KEYS,
              randomUUID: () => "g".repeat(36),
            });
            url = await client.generatePresignedUrl({
              runtimeArn: arn,
              sessionId,
              endpointName: qualifier,
              customParams: custom,
            });
          } catch (error) {
            expectTypedError(error);
            return;
          }
          signed++;
          const parsed = new URL(url);
          expect(parsed.protocol).toBe("wss:");
          expect(parsed.host).toBe(`bedrock-agentcore.${r}.amazonaws.com`);
          const [, runtimes, encodedArn, ws] = parsed.pathname.split("/");
          expect([runtimes, ws]).toEqual(["runtimes", "ws"]);
          expect(decodeURIComponent(encodedArn!)).toBe(arn);
          const params = [...parsed.searchParams].filter(([k]) => !k.startsWith("X-Amz-"));
          expect(params).toEqual(expectedQuery(qualifier, custom, sessionId || "g".repeat(36)));
          expect(parsed.searchParams.get("X-Amz-Credential")).toContain(
            `/${r}/bedrock-agentcore/aws4_request`,
          );
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
    // The generators must reach the signing path often, or the property says little.
    expect(signed).toBeGreaterThan(40);
  });

  it("generateWsConnection: the URL and headers carry the inputs", async () => {
    let signed = 0;
    await fc.assert(
      fc.asyncProperty(region, runtimeArn, text, text, async (r, arn, sessionId, qualifier) => {
        try {
          const client = new AgentRuntimeClient({
            region: r,
            credentials: KEYS,
            randomUUID: () => "g".repeat(36),
          });
          const { url, headers } = await client.generateWsConnection({
            runtimeArn: arn,
            sessionId,
            endpointName: qualifier,
          });
          const parsed = new URL(url);
          expect(decodeURIComponent(parsed.pathname.split("/")[2]!)).toBe(arn);
          expect(parsed.searchParams.get("qualifier")).toBe(qualifier || null);
          expect(headers[SESSION_ID_PARAM]).toBe(sessionId || "g".repeat(36));
          signed++;
        } catch (error) {
          expectTypedError(error);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(signed).toBeGreaterThan(30);
  });
});
