import { emulator, open, presignedUrl, sessionId, stopEmulators } from "./client";

afterEach(stopEmulators);

describe("session transcripts", () => {
  it("records every frame once, in order, across reconnects of one session, with the connection that carried it", async () => {
    const target = await emulator();
    const first = await open(await presignedUrl(target, { session: sessionId(9) }));
    for (const text of ["m1", "m2", "m3"]) expect(await first.roundTrip(text)).toBe(text);
    target.faults.dropAll();
    await first.closed;
    const second = await open(await presignedUrl(target, { session: sessionId(9) }));
    for (const text of ["m4", "m5"]) expect(await second.roundTrip(text)).toBe(text);
    second.send(Buffer.from([7, 8, 9]));
    expect(await second.next()).toEqual(Buffer.from([7, 8, 9]));

    const session = target.sessions.get(sessionId(9))!;
    expect(session.received.map((entry) => [entry.connectionId, entry.data])).toEqual([
      [1, "m1"],
      [1, "m2"],
      [1, "m3"],
      [2, "m4"],
      [2, "m5"],
      [2, new Uint8Array([7, 8, 9])],
    ]);
    expect(session.sent.map((entry) => entry.data)).toEqual([
      "m1",
      "m2",
      "m3",
      "m4",
      "m5",
      new Uint8Array([7, 8, 9]),
    ]);
    expect(session).toMatchObject({ connections: 2, openSockets: 1 });
  });

  it("lets a test mark the log and wait for what comes after", async () => {
    const target = await emulator();
    const first = await open(await presignedUrl(target, { session: sessionId("m") }));
    const mark = target.lastSeq;
    expect(mark).toBe(1);
    const closed = target.waitForEvent((event) => event.type === "close", { afterSeq: mark });
    first.ws.close(1000);
    expect(await closed).toMatchObject({
      type: "close",
      seq: 2,
      code: 1000,
      sessionId: sessionId("m"),
    });
    await expect(
      target.waitForEvent((event) => event.type === "upgrade", {
        afterSeq: target.lastSeq,
        timeoutMs: 1,
      }),
    ).rejects.toThrow(/No matching emulator event/);
  });

  it("keeps sessions apart", async () => {
    const target = await emulator();
    const a = await open(await presignedUrl(target, { session: sessionId("a") }));
    const b = await open(await presignedUrl(target, { session: sessionId("b") }));
    await a.roundTrip("for a");
    await b.roundTrip("for b");
    expect(target.sessions.get(sessionId("a"))!.received.map((entry) => entry.data)).toEqual([
      "for a",
    ]);
    expect(target.sessions.get(sessionId("b"))!.received.map((entry) => entry.data)).toEqual([
      "for b",
    ]);
  });
});
