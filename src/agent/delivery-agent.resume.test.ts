import { echoAgent, epochOf, SESSION } from "./test-utils/fake-socket";

/** An agent with a session that sent `count` envelopes (`p1`…) on a stream that then dropped. */
function sentThenDropped(count: number) {
  const setup = echoAgent();
  const { socket, session } = setup.open();
  const epoch = epochOf(socket.take()[0]);
  for (let index = 1; index <= count; index++) session.send(`p${index}`);
  socket.drop();
  return { ...setup, epoch, session };
}

describe("DeliveryAgent: @resume and @hello", () => {
  it("answers a fresh client's @resume - 0 with @hello <epoch> 0", () => {
    const { open } = echoAgent();
    const { socket } = open("@resume - 0");
    const [hello, ...rest] = socket.take();
    expect(hello).toMatch(/^@hello [A-Za-z0-9]{4,32} 0$/);
    expect(rest).toEqual([]);
  });

  it("gives each session state its own epoch", () => {
    const first = epochOf(echoAgent().open().socket.take()[0]);
    const second = epochOf(echoAgent().open().socket.take()[0]);
    expect(first).not.toBe(second);
  });

  it("resumes a matching epoch after the client's sequence and replays the rest in order", () => {
    const { open, epoch } = sentThenDropped(4);
    const { socket } = open(`@resume ${epoch} 2`);
    expect(socket.take()).toEqual([`@hello ${epoch} 2`, "3:p3", "4:p4"]);
  });

  it("resumes with nothing to replay when the client has everything", () => {
    const { open, epoch } = sentThenDropped(2);
    expect(open(`@resume ${epoch} 2`).socket.take()).toEqual([`@hello ${epoch} 2`]);
  });

  it("answers another epoch with its own, from before its oldest envelope", () => {
    const { open, epoch } = sentThenDropped(2);
    const { socket } = open("@resume Other1234 7");
    expect(socket.take()).toEqual([`@hello ${epoch} 0`, "1:p1", "2:p2"]);
  });

  it("answers a sequence beyond its last one as for another epoch", () => {
    const { open, epoch } = sentThenDropped(2);
    expect(open(`@resume ${epoch} 5`).socket.take()).toEqual([`@hello ${epoch} 0`, "1:p1", "2:p2"]);
  });

  it("gives a client that starts afresh everything it still has", () => {
    const { open, epoch } = sentThenDropped(2);
    expect(open("@resume - 0").socket.take()).toEqual([`@hello ${epoch} 0`, "1:p1", "2:p2"]);
  });

  it("drops what the client's @resume acknowledged: an older resume then shows the gap", () => {
    const { open, epoch } = sentThenDropped(3);
    open(`@resume ${epoch} 2`).socket.drop();
    expect(open(`@resume ${epoch} 0`).socket.take()).toEqual([`@hello ${epoch} 2`, "3:p3"]);
  });

  it("answers with its last sequence when its buffer is empty, and keeps its epoch", () => {
    const { open, epoch } = sentThenDropped(3);
    const { socket } = open(`@resume ${epoch} 3`);
    socket.take();
    socket.drop();
    expect(open(`@resume ${epoch} 1`).socket.take()).toEqual([`@hello ${epoch} 3`]);
  });

  it("keeps one epoch per session for the life of the agent", () => {
    const { agent, open, epoch } = sentThenDropped(1);
    expect(agent.session(SESSION).epoch).toBe(epoch);
    expect(epochOf(open().socket.take()[0])).toBe(epoch);
  });

  it("starts a new epoch after endSession", () => {
    const { agent, open, epoch } = sentThenDropped(1);
    agent.endSession(SESSION);
    expect(open().socket.take()).toEqual([expect.stringMatching(/^@hello \w+ 0$/)]);
    expect(agent.session(SESSION).epoch).not.toBe(epoch);
  });
});
