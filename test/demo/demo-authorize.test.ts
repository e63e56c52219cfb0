import { describe, expect, it } from "vitest";
import { demoAuthorize } from "../../examples/server/demo-authorize";

function request(headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1/api/agent-url", { method: "POST", headers });
}

describe("demoAuthorize (demo only)", () => {
  it("signs in the demo user by header or cookie", () => {
    expect(demoAuthorize(request({ "x-demo-user": "demo-user" }))).toEqual({
      principal: "demo-user",
    });
    expect(demoAuthorize(request({ cookie: "theme=dark; agentcore_demo_user=demo-user" }))).toEqual(
      {
        principal: "demo-user",
      },
    );
  });

  it("refuses anyone else", () => {
    expect(demoAuthorize(request({}))).toBeNull();
    expect(demoAuthorize(request({ "x-demo-user": "admin" }))).toBeNull();
    expect(demoAuthorize(request({ cookie: "agentcore_demo_user=demo-user-2" }))).toBeNull();
    expect(demoAuthorize(request({ cookie: "other_agentcore_demo_user=demo-user" }))).toBeNull();
  });
});
