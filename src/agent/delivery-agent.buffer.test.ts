import { DeliveryAgent } from "./delivery-agent";
import { DeliveryFrameTooLargeError } from "./errors";
import { echoAgent, epochOf, fakeClock, SESSION } from "./test-utils/fake-socket";

describe("DeliveryAgent: the replay buffer", () => {
  it("evicts the oldest envelopes beyond maxBufferBytes of payload: the resume shows the gap", () => {
    const { open } = echoAgent({ maxBufferBytes: 10 });
    const { socket, session } = open();
    const epoch = epochOf(socket.sent[0]);
    for (const text of ["aaaa", "bbbb", "cccc", "dddd"]) session.send(text);
    expect(session.bufferedBytes).toBe(8);
    socket.drop();
    expect(open(`@resume ${epoch} 1`).socket.take()).toEqual([
      `@hello ${epoch} 2`,
      "3:cccc",
      "4:dddd",
    ]);
  });

  it("counts payload bytes as UTF-8", () => {
    const { agent } = echoAgent({ maxBufferBytes: 5 });
    const session = agent.session(SESSION);
    session.send("é€");
    expect(session.bufferedBytes).toBe(5);
    session.send("x");
    expect(session.bufferedBytes).toBe(1);
  });

  it("evicts envelopes older than maxBufferAgeMs", () => {
    const clock = fakeClock();
    const { open } = echoAgent({ maxBufferAgeMs: 60_000, now: clock.now });
    const { socket, session } = open();
    const epoch = epochOf(socket.sent[0]);
    session.send("old");
    clock.advance(30_000);
    session.send("newer");
    clock.advance(30_000);
    socket.drop();
    expect(open(`@resume ${epoch} 0`).socket.take()).toEqual([`@hello ${epoch} 1`, "2:newer"]);
  });

  it("answers with its last sequence once everything aged out", () => {
    const clock = fakeClock();
    const { open } = echoAgent({ maxBufferAgeMs: 1000, now: clock.now });
    const { socket, session } = open();
    const epoch = epochOf(socket.sent[0]);
    session.send("a");
    session.send("b");
    socket.drop();
    clock.advance(1000);
    expect(session.bufferedBytes).toBe(0);
    expect(open(`@resume ${epoch} 0`).socket.take()).toEqual([`@hello ${epoch} 2`]);
  });

  it("buffers what the application sends while no stream is attached, for the next one", () => {
    const { agent, open } = echoAgent();
    const session = agent.session(SESSION);
    expect(session.streaming).toBe(false);
    session.send("one");
    session.send("two");
    const { socket } = open();
    expect(socket.take()).toEqual([`@hello ${session.epoch} 0`, "1:one", "2:two"]);
    expect(session.streaming).toBe(true);
  });

  it("holds what is sent between attach and @resume until the @hello", () => {
    const { open } = echoAgent();
    const { socket, session } = open(null);
    session.send("early");
    expect(socket.sent).toEqual([]);
    socket.receive("@resume - 0");
    session.send("live");
    expect(socket.take()).toEqual([`@hello ${session.epoch} 0`, "1:early", "2:live"]);
  });
});

describe("DeliveryAgent: the frame size", () => {
  it("refuses a payload whose envelope exceeds maxFrameBytes, with a typed error", () => {
    const session = new DeliveryAgent().session(SESSION);
    expect(session.send("x".repeat(31_998))).toBe(1);
    let thrown: unknown;
    try {
      session.send("x".repeat(31_999));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DeliveryFrameTooLargeError);
    expect(thrown).toMatchObject({
      name: "DeliveryFrameTooLargeError",
      bytes: 32_001,
      limit: 32_000,
      message: "The envelope would be 32001 bytes (UTF-8); maxFrameBytes is 32000",
    });
    expect(session.lastSeq).toBe(1);
    expect(session.send("fits")).toBe(2);
  });

  it("counts the envelope in UTF-8 against a maxFrameBytes of its own", () => {
    const session = new DeliveryAgent({ maxFrameBytes: 10 }).session(SESSION);
    expect(() => session.send("€€€")).toThrow(DeliveryFrameTooLargeError);
    expect(session.send("€€")).toBe(1);
  });
});
