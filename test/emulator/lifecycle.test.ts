import { createServer, type Server } from "node:net";
import WebSocket from "ws";
import {
  DEMO_CREDENTIALS,
  EmulatorOptionsError,
  EmulatorStartError,
  startEmulator,
  type EmulatorTimers,
} from "agentcore-react-emulator";
import { connect, emulator, open, presignedUrl, stopEmulators, until } from "./client";
import { ManualTimers } from "./manual-timers";

afterEach(stopEmulators);

/** Platform timers that count what is still pending. */
function countingTimers(): EmulatorTimers & { live: Set<unknown> } {
  const live = new Set<unknown>();
  return {
    live,
    setTimeout(callback, ms) {
      const handle: ReturnType<typeof setTimeout> = setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith("TCP")).length;
}

describe("close()", () => {
  it("closes open streams with 1001, stops listening and leaves no socket or timer behind", async () => {
    const before = tcpHandles();
    const timers = countingTimers();
    const target = await startEmulator({
      credentials: DEMO_CREDENTIALS,
      agent: "streaming",
      timers,
      faults: { upgradeDelayMs: 1 },
    });
    const peers = await Promise.all(
      [1, 2, 3].map(async (n) =>
        open(await presignedUrl(target, { session: `closing-session-${n}`.padEnd(40, "x") })),
      ),
    );
    peers[0]!.send(JSON.stringify({ inputText: "a long answer in flight" }));
    expect(await peers[0]!.next()).toEqual(expect.any(String));
    expect(timers.live.size).toBeGreaterThan(0);

    await target.close();
    for (const peer of peers)
      expect(await peer.closed).toEqual({ code: 1001, reason: "Emulator shutting down" });
    expect(timers.live.size).toBe(0);
    expect(target.openConnections).toBe(0);
    expect(
      target.events
        .filter((event) => event.type === "close")
        .every((event) => event.type === "close" && event.cause === "shutdown"),
    ).toBe(true);
    await until(() => tcpHandles() <= before);

    const refused = new WebSocket(target.url);
    const error = await new Promise<Error & { code?: string }>((resolve) =>
      refused.once("error", resolve),
    );
    expect(error.code).toBe("ECONNREFUSED");
  });

  it("can be called twice", async () => {
    const target = await emulator();
    const first = target.close();
    expect(target.close()).toBe(first);
    await first;
  });

  it("refuses an upgrade still waiting out its delay", async () => {
    const timers = new ManualTimers();
    const target = await emulator({
      timers,
      now: () => timers.now,
      faults: { upgradeDelayMs: 60_000 },
    });
    const attempt = connect(await presignedUrl(target, { client: { now: () => timers.now } }));
    await until(() => timers.pending === 1);
    await target.close();
    expect(
      await attempt.then(
        (result) => (result.ok ? "accepted" : `refused ${result.status}`),
        () => "failed",
      ),
    ).toMatch(/^(refused 503|failed)$/);
    expect(timers.pending).toBe(0);
    expect(target.upgrades.filter((event) => event.outcome === "accepted")).toHaveLength(0);
  });
});

describe("starting", () => {
  let blocker: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
    blocker = undefined;
  });

  it("reports a taken port with a typed error naming it", async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, "127.0.0.1", () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    const failure = await startEmulator({ credentials: DEMO_CREDENTIALS, port }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmulatorStartError);
    expect(failure).toMatchObject({
      code: "EADDRINUSE",
      message: expect.stringContaining(`Port ${port} on 127.0.0.1 is already in use`),
    });
  });

  it("listens on 127.0.0.1 and a port the OS picked, and says where", async () => {
    const target = await emulator();
    expect(target.port).toBeGreaterThan(0);
    expect(target.url).toBe(`ws://127.0.0.1:${target.port}`);
    expect(target.httpUrl).toBe(`http://127.0.0.1:${target.port}`);
    expect(target.runtimeUrl("arn:aws:bedrock-agentcore:us-west-2:1:runtime/a", "DEFAULT")).toBe(
      `ws://127.0.0.1:${target.port}/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A1%3Aruntime%2Fa/ws?qualifier=DEFAULT`,
    );
  });

  it.each([
    [{}],
    [{ credentials: DEMO_CREDENTIALS, region: "mars" }],
    [{ credentials: DEMO_CREDENTIALS, port: 70000 }],
    [{ credentials: DEMO_CREDENTIALS, limits: { maxFrameBytes: 0 } }],
    [{ credentials: DEMO_CREDENTIALS, limits: { idleCloseCode: 1006 } }],
    [{ credentials: DEMO_CREDENTIALS, agent: "parrot" }],
    [{ credentials: { accessKeyId: "", secretAccessKey: "x" } }],
    [{ credentials: [DEMO_CREDENTIALS, DEMO_CREDENTIALS] }],
    [{ credentials: DEMO_CREDENTIALS, bearerTokens: "token" }],
    [{ credentials: DEMO_CREDENTIALS, clockSkewMs: Number.NaN }],
    [{ credentials: DEMO_CREDENTIALS, faults: { dropRandomly: 2 } }],
  ])("refuses bad options %j with an EmulatorOptionsError", async (options) => {
    const failure = await startEmulator(options as never).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmulatorOptionsError);
    expect(failure).toMatchObject({ name: "EmulatorOptionsError" });
  });
});

describe("the log option", () => {
  it("describes each attempt and close on one line, without signatures, tokens or secrets", async () => {
    const lines: string[] = [];
    const credentials = { ...DEMO_CREDENTIALS, sessionToken: "very-secret-session-token" };
    const target = await emulator({ credentials, log: (line) => lines.push(line) });
    const url = await presignedUrl(target, { client: { credentials } });
    const peer = await open(url);
    peer.ws.close(1000);
    await peer.closed;
    await until(() => lines.length === 2);
    const signature = new URL(url).searchParams.get("X-Amz-Signature")!;
    expect(lines[0]).toMatch(
      /upgrade accepted 101 auth=sigv4-query #1 session=\S+ signed=\S+ expires=\S+/,
    );
    expect(lines[1]).toMatch(/close {3}#1 session=\S+ code=1000 cause=client/);
    for (const secret of [signature, credentials.secretAccessKey, credentials.sessionToken])
      expect(lines.join("\n")).not.toContain(secret);
  });
});
