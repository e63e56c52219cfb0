import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError, bearerSubprotocols } from "../signing";

describe("bearerSubprotocols", () => {
  it("carries the token as unpadded base64url, then the marker protocol", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2ln?>";
    const [carrier, marker] = bearerSubprotocols(token);
    expect(marker).toBe("base64UrlBearerAuthorization");
    const encoded = carrier.slice("base64UrlBearerAuthorization.".length);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, "base64url").toString("utf8")).toBe(token);
  });

  it("encodes non-ASCII tokens as UTF-8", () => {
    const [carrier] = bearerSubprotocols("tøken✓");
    expect(Buffer.from(carrier.split(".")[1]!, "base64url").toString("utf8")).toBe("tøken✓");
  });

  it("refuses an empty token with the SDK's message", () => {
    expect(() => bearerSubprotocols("")).toThrow(
      new AgentRuntimeValidationError("Bearer token cannot be empty"),
    );
  });

  it("refuses a token that is not a string", () => {
    expect(() => bearerSubprotocols(42 as never)).toThrow(
      new AgentRuntimeValidationError("Bearer token must be a string (got a number)"),
    );
  });
});
