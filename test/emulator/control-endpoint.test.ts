import { request } from "node:http";
import { CONTROL_PREFIX, type Emulator } from "agentcore-react-emulator";
import {
  RUNTIME_ARN,
  emulator,
  open,
  presignedUrl,
  refusedWith,
  sessionId,
  stopEmulators,
} from "./client";

afterEach(stopEmulators);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function call(
  target: Emulator,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.httpUrl}${path}`,
      { method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const post = (target: Emulator, body: unknown, headers: Record<string, string> = {}) =>
  call(target, `${CONTROL_PREFIX}/faults`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });

describe("the control endpoint", () => {
  it("reports health, region and seed", async () => {
    const target = await emulator({ faults: { seed: 5 } });
    expect(await call(target, `${CONTROL_PREFIX}/health`)).toMatchObject({
      status: 200,
      body: { ok: true, region: "us-west-2", seed: 5, openConnections: 0 },
    });
  });

  it("applies a fault command and answers the armed faults", async () => {
    const target = await emulator();
    const reply = await post(target, { action: "refuseNext", count: 1, status: 429 });
    expect(reply).toMatchObject({ status: 200, body: { refuseNext: [429] } });
    expect(await refusedWith(await presignedUrl(target))).toBe(429);
    expect((await call(target, `${CONTROL_PREFIX}/faults`)).body).toMatchObject({ refuseNext: [] });
  });

  it("applies a list of commands in order, e.g. to drop every socket and skew the clock", async () => {
    const target = await emulator();
    const peer = await open(await presignedUrl(target));
    const reply = await post(target, [{ action: "dropAll" }, { action: "setClockSkew", ms: 1234 }]);
    expect(reply.body).toMatchObject({ clockSkewMs: 1234 });
    expect((await peer.closed).code).toBe(1006);
    expect((await post(target, { action: "reset" })).body).toMatchObject({ clockSkewMs: 0 });
  });

  it("refuses a bad command or body with 400 and a message", async () => {
    const target = await emulator();
    expect(await post(target, { action: "explode" })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("explode") },
    });
    expect(await post(target, "{not json")).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("JSON") },
    });
    expect(await post(target, { action: "refuseNext", status: 200 })).toMatchObject({
      status: 400,
    });
  });

  it("lists events, after a sequence number", async () => {
    const target = await emulator();
    await refusedWith(target.runtimeUrl(RUNTIME_ARN));
    const peer = await open(await presignedUrl(target));
    peer.ws.close();
    await peer.closed;
    await target.waitForEvent((event) => event.type === "close");
    const all = (await call(target, `${CONTROL_PREFIX}/events`)).body["events"] as Array<
      Record<string, unknown>
    >;
    expect(all.map((event) => [event.type, event.status ?? event.code])).toEqual([
      ["upgrade", 401],
      ["upgrade", 101],
      ["close", 1005],
    ]);
    const later = (await call(target, `${CONTROL_PREFIX}/events?after=${String(all[0]!.seq)}`))
      .body["events"] as unknown[];
    expect(later).toHaveLength(2);
  });

  it("lists sessions and shows one with its transcript", async () => {
    const target = await emulator();
    const peer = await open(await presignedUrl(target, { session: sessionId(3) }));
    await peer.roundTrip("hello there");
    const list = (await call(target, `${CONTROL_PREFIX}/sessions`)).body["sessions"];
    expect(list).toEqual([
      {
        id: sessionId(3),
        runtimeArn: RUNTIME_ARN,
        qualifier: null,
        connections: 1,
        openSockets: 1,
        receivedCount: 1,
        sentCount: 1,
      },
    ]);
    const one = await call(
      target,
      `${CONTROL_PREFIX}/sessions/${encodeURIComponent(sessionId(3))}`,
    );
    expect(one.body).toMatchObject({
      received: [{ connectionId: 1, text: "hello there" }],
      sent: [{ text: "hello there" }],
    });
    expect((await call(target, `${CONTROL_PREFIX}/sessions/nope`)).status).toBe(404);
  });

  it("serves browser pages on loopback origins (CORS) and refuses other origins", async () => {
    const target = await emulator();
    const preflight = await call(target, `${CONTROL_PREFIX}/faults`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    expect(preflight.headers["access-control-allow-methods"]).toContain("POST");
    const allowed = await post(target, { action: "dropAll" }, { Origin: "http://127.0.0.1:4000" });
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:4000");
    expect(
      (await post(target, { action: "dropAll" }, { Origin: "https://evil.example" })).status,
    ).toBe(403);
  });

  it("admits extra origins named in controlOrigins", async () => {
    const target = await emulator({ controlOrigins: ["https://demo.example"] });
    expect(
      (await post(target, { action: "reset" }, { Origin: "https://demo.example" })).status,
    ).toBe(200);
  });

  it("refuses a Host that is not loopback, which stops DNS rebinding", async () => {
    const target = await emulator();
    expect(
      (await call(target, `${CONTROL_PREFIX}/health`, { headers: { Host: "attacker.example" } }))
        .status,
    ).toBe(403);
  });

  it("answers plain HTTP to a runtime path with 426 and anything else with 404", async () => {
    const target = await emulator();
    expect((await call(target, `/runtimes/${encodeURIComponent(RUNTIME_ARN)}/ws`)).status).toBe(
      426,
    );
    expect((await call(target, "/")).status).toBe(404);
    expect((await call(target, `${CONTROL_PREFIX}/unknown`)).status).toBe(404);
  });
});
