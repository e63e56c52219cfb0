import { DeliveryAgent } from "./delivery-agent";
import { echoAgent, FakeSocket, FakeWsSocket, SESSION } from "./test-utils/fake-socket";

describe("DeliveryAgent: streams", () => {
  it("closes with 1002 a stream whose first frame is not @resume", () => {
    const { open, handed } = echoAgent();
    const { socket } = open(null);
    socket.receive("@msg a hi");
    expect(socket.closedWith).toEqual({ code: 1002, reason: "the first frame must be @resume" });
    expect(socket.sent).toEqual([]);
    expect(handed).toEqual([]);
  });

  it.each([
    ["an unknown frame", "hello"],
    ["a bad @ack", "@ack -1"],
    ["an @msg without payload", "@msg only-id"],
    ["an @msg with a bad id", "@msg bad/id x"],
    ["a second @resume", "@resume - 0"],
  ])("closes with 1002 on %s after the resume", (_what, frame) => {
    const { socket } = echoAgent().open();
    socket.receive(frame);
    expect(socket.closedWith?.code).toBe(1002);
  });

  it("closes with 1002 a @resume it cannot read", () => {
    const { socket } = echoAgent().open("@resume x 01");
    expect(socket.closedWith?.code).toBe(1002);
  });

  it("replaces the attached stream by a new one, closing the old with 1000", () => {
    const { open, handed } = echoAgent();
    const first = open().socket;
    const { socket: second, session } = open();
    expect(first.closedWith).toEqual({ code: 1000, reason: "replaced by a new stream" });
    first.receive("@msg late x");
    session.send("live");
    expect(handed).toEqual([]);
    expect(second.take()).toEqual([`@hello ${session.epoch} 0`, "1:live"]);
    expect(session.streaming).toBe(true);
  });

  it("forgets a stream that closed: what is sent then waits for the next", () => {
    const { open } = echoAgent();
    const { socket, session } = open();
    socket.drop();
    expect(session.streaming).toBe(false);
    session.send("while away");
    expect(socket.take()).toEqual([`@hello ${session.epoch} 0`]);
  });

  it("speaks through a ws-style socket (on/off, Buffer frames), and closes with 1002 on a binary frame", () => {
    const agent = new DeliveryAgent();
    const socket = new FakeWsSocket();
    const session = agent.attach(SESSION, socket, {
      onMessage: (payload, message) => message.session.send(`echo:${payload}`),
    });
    socket.receive("@resume - 0");
    socket.receive("@msg a hé");
    expect(socket.take()).toEqual([`@hello ${session.epoch} 0`, "@got a", "1:echo:hé"]);
    socket.receive(Buffer.from([1, 2]), true);
    expect(socket.closedWith?.code).toBe(1002);
    expect(socket.listenerCount("message")).toBe(0);
  });

  it("refuses a socket it cannot speak through and handlers without onMessage", () => {
    const agent = new DeliveryAgent();
    const onMessage = () => undefined;
    expect(() => agent.attach(SESSION, {} as FakeSocket, { onMessage })).toThrow(
      "socket must be a WebSocket with send, close and addEventListener (or on) (got an object)",
    );
    expect(() => agent.attach(SESSION, new FakeSocket(), {} as { onMessage: never })).toThrow(
      "handlers.onMessage must be a function (got undefined)",
    );
    expect(() => agent.attach("", new FakeSocket(), { onMessage })).toThrow(
      "sessionId must be a non-empty string (got an empty string)",
    );
  });
});

describe("DeliveryAgent: the replay pace", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("spreads a replay of more than 200 frames at 200 a second, what follows behind it", () => {
    const { agent, open } = echoAgent();
    const session = agent.session(SESSION);
    for (let index = 1; index <= 450; index++) session.send(`r${index}`);
    const { socket } = open();
    socket.receive("@msg m-1 hi");
    const first = socket.take();
    expect(first).toHaveLength(200);
    expect(first.slice(0, 2)).toEqual([`@hello ${session.epoch} 0`, "1:r1"]);
    vi.advanceTimersByTime(999);
    expect(socket.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    const second = socket.take();
    expect(second).toHaveLength(200);
    expect(second[0]).toBe("200:r200");
    vi.advanceTimersByTime(1000);
    expect(socket.take()).toEqual([
      ...Array.from({ length: 51 }, (_, index) => `${400 + index}:r${400 + index}`),
      "@got m-1",
      "451:echo:hi",
    ]);
  });

  it("sends at once again when the queue is empty and the last second had room", () => {
    const { agent, open } = echoAgent();
    const session = agent.session(SESSION);
    for (let index = 1; index <= 250; index++) session.send(`r${index}`);
    const { socket } = open();
    vi.advanceTimersByTime(1000);
    expect(socket.take()).toHaveLength(251);
    vi.advanceTimersByTime(1000);
    session.send("live");
    expect(socket.take()).toEqual(["251:live"]);
  });

  it("stops a paced replay when its stream is replaced", () => {
    const { agent, open } = echoAgent();
    const session = agent.session(SESSION);
    for (let index = 1; index <= 300; index++) session.send(`r${index}`);
    const { socket } = open();
    socket.take();
    open(null);
    vi.advanceTimersByTime(5000);
    expect(socket.sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
