import { DeliveryAgent } from "./delivery-agent";
import { echoAgent, epochOf, FakeSocket, SESSION } from "./test-utils/fake-socket";

describe("DeliveryAgent: @msg and @got", () => {
  it("acknowledges a message, hands it over once, and sends the answer as envelope 1", () => {
    const { open, handed } = echoAgent();
    const { socket } = open();
    socket.take();
    socket.receive("@msg m-1 hello world");
    expect(socket.take()).toEqual(["@got m-1", "1:echo:hello world"]);
    expect(handed).toEqual(["hello world"]);
  });

  it("keeps the payload as it came, spaces and colons included, and an empty one", () => {
    const { open, handed } = echoAgent();
    const { socket } = open();
    socket.receive('@msg a:b.c_d-e {"x": "1 2:3"}');
    socket.receive("@msg empty ");
    expect(handed).toEqual(['{"x": "1 2:3"}', ""]);
  });

  it("acknowledges a duplicate again but drops it, on the same stream and on a new one", () => {
    const { open, handed } = echoAgent();
    const first = open().socket;
    first.receive("@msg m-1 hi");
    first.receive("@msg m-1 hi");
    first.drop();
    const epoch = epochOf(first.sent[0]);
    const second = open(`@resume ${epoch} 1`).socket;
    second.take();
    second.receive("@msg m-1 hi");
    expect(second.take()).toEqual(["@got m-1"]);
    expect(handed).toEqual(["hi"]);
    expect(first.sent.filter((frame) => frame === "@got m-1")).toHaveLength(2);
  });

  it("remembers the last 1024 ids at least, and forgets the oldest beyond", () => {
    const { open, handed } = echoAgent();
    const { socket } = open();
    for (let index = 0; index <= 1024; index++) socket.receive(`@msg id${index} ${index}`);
    socket.receive("@msg id1 again");
    socket.receive("@msg id0 again");
    expect(handed.slice(-2)).toEqual(["1024", "again"]);
    expect(handed).toHaveLength(1026);
  });

  it("reports what onMessage throws or rejects with, and keeps the stream open", async () => {
    const agent = new DeliveryAgent();
    const socket = new FakeSocket();
    const errors: unknown[] = [];
    agent.attach(SESSION, socket, {
      onMessage: (payload) => {
        if (payload === "throw") throw new Error("thrown");
        return Promise.reject(new Error("rejected"));
      },
      onError: (error, { id }) => errors.push([id, (error as Error).message]),
    });
    socket.receive("@resume - 0");
    socket.receive("@msg a throw");
    socket.receive("@msg b reject");
    await expect
      .poll(() => errors)
      .toEqual([
        ["a", "thrown"],
        ["b", "rejected"],
      ]);
    expect(socket.closedWith).toBeUndefined();
  });
});

describe("DeliveryAgent: @ack", () => {
  it("drops the acknowledged envelopes from the buffer", () => {
    const { open, agent } = echoAgent();
    const { socket } = open();
    socket.receive("@msg a 1234");
    socket.receive("@msg b 5678");
    const session = agent.session(SESSION);
    expect(session.bufferedBytes).toBe(18);
    socket.receive("@ack 1");
    expect(session.bufferedBytes).toBe(9);
    socket.receive("@ack 99");
    expect(session.bufferedBytes).toBe(0);
  });

  it("makes a later resume from before the acknowledgement show the gap", () => {
    const { open } = echoAgent();
    const { socket, session } = open();
    const epoch = epochOf(socket.sent[0]);
    for (const text of ["a", "b", "c"]) session.send(text);
    socket.receive("@ack 2");
    socket.drop();
    expect(open(`@resume ${epoch} 1`).socket.take()).toEqual([`@hello ${epoch} 2`, "3:c"]);
  });
});
