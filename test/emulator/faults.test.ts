import { streamingAgent, type CloseEvent, type Emulator } from "agentcore-react-emulator";
import {
  connect,
  emulator,
  open,
  presignedUrl,
  refusedWith,
  sessionId,
  stopEmulators,
  until,
} from "./client";
import { ManualTimers } from "./manual-timers";

afterEach(stopEmulators);

function closes(target: Emulator): CloseEvent[] {
  return target.events.filter((event): event is CloseEvent => event.type === "close");
}

describe("dropping and closing sockets", () => {
  it("dropAll terminates every open socket without a close frame (1006 on the client)", async () => {
    const target = await emulator();
    const peers = [
      await open(await presignedUrl(target, { session: sessionId(1) })),
      await open(await presignedUrl(target, { session: sessionId(2) })),
    ];
    expect(target.faults.dropAll()).toBe(2);
    for (const peer of peers) expect((await peer.closed).code).toBe(1006);
    await until(() => closes(target).length === 2);
    expect(closes(target).map((event) => [event.code, event.cause])).toEqual([
      [1006, "fault-drop"],
      [1006, "fault-drop"],
    ]);
    expect(target.openConnections).toBe(0);
  });

  it.each([1008, 1011])("closeAll(%i) closes every socket with that code", async (code) => {
    const target = await emulator();
    const peer = await open(await presignedUrl(target));
    target.faults.closeAll(code, "injected");
    expect(await peer.closed).toEqual({ code, reason: "injected" });
    await until(() => closes(target).length === 1);
    expect(closes(target)[0]).toMatchObject({ code, cause: "fault-close" });
  });

  it("drops after N outgoing frames: the client gets exactly N, then 1006", async () => {
    const target = await emulator({
      agent: streamingAgent({ chunkSize: 1, intervalMs: 0, reply: () => "abcdefghij" }),
    });
    target.faults.dropAfterFrames(3, { direction: "out" });
    const peer = await open(await presignedUrl(target));
    peer.send(JSON.stringify({ inputText: "go" }));
    expect((await peer.closed).code).toBe(1006);
    expect(peer.frames).toEqual(["a", "b", "c"]);
    expect(target.sessions.get(sessionId())!.sent.map((entry) => entry.data)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("drops after N incoming frames: the N-th is in the transcript but never reaches the agent", async () => {
    const target = await emulator();
    target.faults.dropAfterFrames(3, { direction: "in" });
    const peer = await open(await presignedUrl(target));
    expect(await peer.roundTrip("one")).toBe("one");
    expect(await peer.roundTrip("two")).toBe("two");
    peer.send("three");
    expect((await peer.closed).code).toBe(1006);
    expect(peer.frames).toEqual(["one", "two"]);
    const session = target.sessions.get(sessionId())!;
    expect(session.received.map((entry) => entry.data)).toEqual(["one", "two", "three"]);
    expect(session.sent.map((entry) => entry.data)).toEqual(["one", "two"]);
  });

  it("closeAfterFrames closes with the chosen code, and disarms after `times` connections", async () => {
    const target = await emulator();
    target.faults.closeAfterFrames(1, 1011, { direction: "in", times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const peer = await open(await presignedUrl(target));
      peer.send("x");
      expect((await peer.closed).code).toBe(1011);
    }
    const third = await open(await presignedUrl(target));
    expect(await third.roundTrip("x")).toBe("x");
  });

  it("drops at random per frame, at the same frame for the same seed", async () => {
    const dropFrame = async (seed: number) => {
      const target = await emulator({ faults: { seed, dropRandomly: 0.1 } });
      const peer = await open(await presignedUrl(target));
      let answered = 0;
      try {
        for (let i = 0; i < 500; i += 1) {
          await peer.roundTrip(`frame ${i}`);
          answered += 1;
        }
      } catch {
        // The drop ended the loop.
      }
      expect((await peer.closed).code).toBe(1006);
      expect(target.faults.seed).toBe(seed);
      return answered;
    };
    const first = await dropFrame(20250101);
    expect(await dropFrame(20250101)).toBe(first);
    expect(first).toBeLessThan(500);
  });
});

describe("refusing upgrades", () => {
  it.each([409, 429, 403, 424])(
    "refuseNext(2, %i) refuses the next two authenticated upgrades, then accepts",
    async (status) => {
      const target = await emulator();
      target.faults.refuseNext(2, status);
      const url = await presignedUrl(target);
      expect(await refusedWith(url)).toBe(status);
      expect(await refusedWith(url)).toBe(status);
      await open(url);
      expect(target.upgrades.map((event) => [event.status, event.code ?? null])).toEqual([
        [status, "fault"],
        [status, "fault"],
        [101, null],
      ]);
    },
  );

  it("lets bad authentication fail as itself before an armed refusal is used", async () => {
    const target = await emulator();
    target.faults.refuseNext(1, 429);
    expect(
      await refusedWith(
        target.runtimeUrl("arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a"),
      ),
    ).toBe(401);
    expect(await refusedWith(await presignedUrl(target))).toBe(429);
  });

  it("refuses at random, reproducibly for a seed", async () => {
    const outcomes = async (seed: number) => {
      const target = await emulator({
        faults: { seed, refuseRandomly: { probability: 0.5, status: 409 } },
      });
      const url = await presignedUrl(target);
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) {
        const attempt = await connect(url);
        statuses.push(attempt.ok ? 101 : attempt.status);
        if (attempt.ok) attempt.peer.ws.terminate();
      }
      return statuses;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(first).toContain(409);
    expect(first).toContain(101);
  });
});

describe("upgrade delay and clock faults", () => {
  it("holds an upgrade for the configured delay", async () => {
    const timers = new ManualTimers();
    const target = await emulator({
      timers,
      now: () => timers.now,
      faults: { upgradeDelayMs: 5000 },
    });
    const attempt = connect(await presignedUrl(target, { client: { now: () => timers.now } }));
    await until(() => timers.pending === 1);
    timers.advance(4999);
    expect(target.upgrades).toHaveLength(0);
    timers.advance(1);
    expect((await attempt).ok).toBe(true);
    expect(target.upgrades).toHaveLength(1);
  });

  it("a clock skewed past a URL's expiry refuses it; undoing the skew accepts it again", async () => {
    const target = await emulator();
    const url = await presignedUrl(target, { expires: 60 });
    target.faults.setClockSkew(61_000);
    expect(await refusedWith(url)).toBe(403);
    target.faults.setClockSkew(-6 * 60_000);
    expect(await refusedWith(url)).toBe(403);
    target.faults.setClockSkew(0);
    await open(url);
    expect(target.upgrades.map((event) => event.code ?? "ok")).toEqual([
      "expired",
      "not-yet-valid",
      "ok",
    ]);
  });

  it("starts with the clock skew of the options", async () => {
    const target = await emulator({ clockSkewMs: 400_000 });
    expect(target.faults.clockSkewMs).toBe(400_000);
    expect(await refusedWith(await presignedUrl(target))).toBe(403);
  });

  it("expireIssuedBefore refuses every URL signed earlier and keeps accepting fresh ones; the log tells them apart", async () => {
    const timers = new ManualTimers();
    const target = await emulator({ timers, now: () => timers.now });
    const signedNow = () => presignedUrl(target, { client: { now: () => timers.now } });
    const old = await signedNow();
    timers.advance(2000);
    target.faults.expireIssuedBefore();
    expect(await refusedWith(old)).toBe(403);
    const fresh = await signedNow();
    await open(fresh);
    const [refused, accepted] = target.upgrades;
    expect(refused).toMatchObject({
      outcome: "refused",
      code: "expired",
      signedAt: Date.UTC(2025, 0, 1),
    });
    expect(accepted).toMatchObject({
      outcome: "accepted",
      signedAt: Date.UTC(2025, 0, 1) + 2000,
      expiresAt: Date.UTC(2025, 0, 1) + 2000 + 300_000,
    });
  });
});
