import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, redactedError, redactSecrets } from "./redact";

const SIGNATURE = "5f1c0e9a6b3d2c1f0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e";
const TOKEN =
  "IQoJb3JpZ2luX2VjEPr//////////wEaCXVzLXdlc3QtMiJHMEUCIQDmR0ck3xamPLE+sessionT0ken/AbC==";
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const JWT =
  "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTg5MzQ1NjAwMH0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

const presignedUrl =
  "wss://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A123456789012%3Aruntime%2Fa-1/ws" +
  "?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
  "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20300303%2Fus-west-2%2Fbedrock-agentcore%2Faws4_request" +
  "&X-Amz-Date=20300303T040506Z&X-Amz-Expires=300" +
  `&X-Amz-Security-Token=${encodeURIComponent(TOKEN)}` +
  `&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIGNATURE}` +
  "&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=session-0123456789abcdef0123456789abcdef";

function expectNoSecret(text: string, ...secrets: string[]) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("redactSecrets", () => {
  it("removes the signature, token and credential of a presigned URL, keeping the rest", () => {
    const redacted = redactSecrets(`could not open ${presignedUrl} (1006)`);
    expectNoSecret(redacted, SIGNATURE, encodeURIComponent(TOKEN), "AKIAIOSFODNN7EXAMPLE");
    expect(redacted).toContain(`X-Amz-Signature=${REDACTED}`);
    expect(redacted).toContain(`X-Amz-Security-Token=${REDACTED}&`);
    expect(redacted).toContain(`X-Amz-Credential=${REDACTED}&`);
    expect(redacted).toContain("X-Amz-Date=20300303T040506Z&X-Amz-Expires=300");
    expect(redacted).toContain(
      "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=session-0123456789abcdef0123456789abcdef",
    );
    expect(redacted.endsWith(" (1006)")).toBe(true);
  });

  it("matches query names in any case and percent-encoded inside another URL", () => {
    const nested = `https://log.example/?next=${encodeURIComponent(presignedUrl)}`;
    expectNoSecret(redactSecrets(nested), SIGNATURE, "AKIAIOSFODNN7EXAMPLE");
    expectNoSecret(redactSecrets(`x-amz-signature=${SIGNATURE}`), SIGNATURE);
  });

  it("keeps the scheme of an Authorization header and drops its value", () => {
    expect(redactSecrets(`Authorization: Bearer ${JWT}`)).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactSecrets('{"authorization":"Basic YWxpY2U6aHVudGVyMg=="}')).toBe(
      `{"authorization":"Basic ${REDACTED}"}`,
    );
    const sigv4 = `authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20300303/us-west-2/bedrock-agentcore/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`;
    const redacted = redactSecrets(sigv4);
    expectNoSecret(redacted, SIGNATURE, "AKIAIOSFODNN7EXAMPLE");
    expect(redacted).toBe(`authorization: AWS4-HMAC-SHA256 ${REDACTED}`);
  });

  it("drops bearer tokens, JWTs and bearer subprotocols wherever they appear", () => {
    expectNoSecret(redactSecrets(`sent Bearer ${TOKEN} to the runtime`), TOKEN);
    expectNoSecret(redactSecrets(`token ${JWT} expired`), JWT, JWT.split(".")[1] as string);
    const protocol = `base64UrlBearerAuthorization.${btoa(JWT).replace(/=+$/, "")}`;
    expect(redactSecrets(`protocols: ${protocol}, other`)).toBe(
      `protocols: base64UrlBearerAuthorization.${REDACTED}, other`,
    );
  });

  it("drops AWS secret keys, session tokens and key ids, named or not", () => {
    const named = [
      `aws_secret_access_key=${SECRET_KEY}`,
      `AWS_SESSION_TOKEN=${TOKEN}`,
      `{"secretAccessKey":"${SECRET_KEY}","sessionToken":"${TOKEN}"}`,
      `sessionSecret: 'a-test-session-secret-of-at-least-32-bytes!'`,
      `client_secret=abc123def456&password=hunter2`,
    ];
    for (const text of named) {
      expectNoSecret(redactSecrets(text), SECRET_KEY, TOKEN, "a-test-session", "abc123", "hunter2");
    }
    expectNoSecret(redactSecrets(`key ${SECRET_KEY} and ${TOKEN}`), SECRET_KEY, TOKEN);
    expect(redactSecrets("id AKIAIOSFODNN7EXAMPLE and ASIAQWERTYUIOPASDFGH")).toBe(
      `id AKIA${REDACTED} and ASIA${REDACTED}`,
    );
  });

  it("leaves ordinary text alone", () => {
    for (const text of [
      "No AWS credentials found",
      "Could not get AWS credentials: No AWS credentials found",
      "refused 429 rate-limited (principal alice, address 203.0.113.7)",
      "Error: boom\n    at mint (file:///srv/app/node_modules/agentcore-react/dist/server.js:10:5)",
      "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/support_agent-a1B2c3",
      "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
      "session AbCdEf0123456789AbCdEf0123456789AbCdEf01234.AbCdEf0123456789AbCdEf0123456789AbCdEf01234",
      "a Bearer token is required",
    ]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });

  it("is idempotent", () => {
    const once = redactSecrets(`${presignedUrl} Authorization: Bearer ${JWT} ${SECRET_KEY}`);
    expect(redactSecrets(once)).toBe(once);
  });

  it("removes the secrets of a URL or header embedded in any surrounding text", () => {
    const around = fc.string({ unit: "grapheme-ascii", maxLength: 80 });
    fc.assert(
      fc.property(
        around,
        around,
        fc.constantFrom(" ", "\n", '"', "(", "'"),
        (before, after, gap) => {
          const text = `${before}${gap}${presignedUrl}${gap}Authorization: Bearer ${JWT}${gap}${after}`;
          const redacted = redactSecrets(text);
          expectNoSecret(redacted, SIGNATURE, encodeURIComponent(TOKEN), JWT);
          expect(redactSecrets(redacted)).toBe(redacted);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("redactedError", () => {
  it("copies an error with its name, code and causes, every text redacted", () => {
    const original = Object.assign(
      new TypeError(`fetch ${presignedUrl} failed`, {
        cause: new Error(`Authorization: Bearer ${JWT}`, { cause: `key ${SECRET_KEY}` }),
      }),
      { code: "network", status: 502 },
    );
    const copy = redactedError(original);
    expect(copy).not.toBe(original);
    expect(copy.name).toBe("TypeError");
    expect(copy).toMatchObject({ code: "network", status: 502 });
    const cause = copy.cause as Error;
    expect(cause.message).toBe(`Authorization: Bearer ${REDACTED}`);
    expect((cause.cause as Error).message).toBe(`key ${REDACTED}`);
    const everything = `${copy.message} ${copy.stack} ${cause.stack}`;
    expectNoSecret(everything, SIGNATURE, encodeURIComponent(TOKEN), JWT, SECRET_KEY);
    expect(copy.message).toContain("failed");
  });

  it("turns anything thrown into an Error", () => {
    expect(redactedError(`token=${TOKEN}`).message).toBe(`token=${REDACTED}`);
  });
});
