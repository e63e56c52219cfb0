import { request } from "node:http";
import {
  CONTROL_PREFIX,
  DEMO_CREDENTIALS,
  startEmulator,
  type Emulator,
} from "agentcore-react-emulator";

/** The emulator's control endpoint against origins that only look like loopback, over real HTTP. */

let target: Emulator | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

function call(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; allowOrigin: string | string[] | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          allowOrigin: res.headers["access-control-allow-origin"],
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the emulator's control endpoint", () => {
  it.each([
    "http://127.0.0.1.evil.example",
    "http://127.0.0.1.evil.example:5173",
    "http://127.evil.example",
    "http://localhost.evil.example",
    "http://127.0.0.1@evil.example",
    "https://evil.example",
    "null",
  ])("refuses the origin %s: no CORS grant, no transcript, no fault", async (origin) => {
    target = await startEmulator({ port: 0, credentials: DEMO_CREDENTIALS });
    const sessions = await call(`${target.httpUrl}${CONTROL_PREFIX}/sessions`, "GET", { origin });
    expect(sessions.status).toBe(403);
    expect(sessions.allowOrigin).toBeUndefined();
    const fault = await call(
      `${target.httpUrl}${CONTROL_PREFIX}/faults`,
      "POST",
      { origin, "content-type": "application/json" },
      JSON.stringify({ type: "dropAll" }),
    );
    expect(fault.status).toBe(403);
    expect(fault.allowOrigin).toBeUndefined();
  });

  it.each(["http://127.0.0.1:5173", "http://localhost:5173", "http://[::1]:5173"])(
    "lets a page served from loopback (%s) drive it",
    async (origin) => {
      target = await startEmulator({ port: 0, credentials: DEMO_CREDENTIALS });
      const health = await call(`${target.httpUrl}${CONTROL_PREFIX}/health`, "GET", { origin });
      expect(health.status).toBe(200);
      expect(health.allowOrigin).toBe(origin);
    },
  );
});
