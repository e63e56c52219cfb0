import { startAgent, type AgentProcess } from "./agent-process";
import { epochOf, newSessionId, ProtocolClient } from "./protocol-client";
import { TARGETS } from "./targets";

/**
 * The agent side of `acr-delivery/1` (docs/delivery.md), checked the same way for every
 * agent-side helper: each target's conformance agent runs as a real process and a client
 * speaks the protocol to it by hand over a real WebSocket, asserting the exact frames.
 *
 * The conformance agent's contract (each language's helper implements exactly this):
 * - started with `--port 0` (and `--max-buffer-bytes N`, `--max-buffer-age-ms N` when given),
 *   it prints `listening <port>` on stdout once ready, and serves WebSocket at `/ws`;
 * - the session id is the `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id` header, else the
 *   `session` query parameter;
 * - on a new message, by its payload: `count:<k>:<tag>` sends k envelopes `<tag>#1` …
 *   `<tag>#k` at once; `later:<k>:<tag>:<ms>` sends them one every <ms> ms, in the background
 *   (also while no stream is attached); `big:<bytes>` tries to send that many `x` and, when
 *   the helper refuses it as too large, sends `too-large` instead; anything else sends
 *   `echo:<payload>`. Tags have no colon.
 * Killing the process and starting it again is how a test makes the agent lose its buffer.
 */
describe.each(TARGETS)("acr-delivery/1 conformance: the $name agent", (target) => {
  // Scenarios that start agents of their own allow 90 s: two cold starts on a loaded machine.
  const processes: AgentProcess[] = [];
  const clients: ProtocolClient[] = [];
  let shared: AgentProcess | undefined;
  let sharedFailure: unknown;
  /** The agent most scenarios share; a target that cannot start fails each one, saying why. */
  const agent = () => {
    if (!shared) throw sharedFailure;
    return shared;
  };

  const launch = async (args: readonly string[] = []) => {
    const started = await startAgent(target.command(), args);
    processes.push(started);
    return started;
  };
  const connect = async (port: number, session: string, via?: "header" | "query") => {
    const client = await ProtocolClient.open(port, session, via);
    clients.push(client);
    return client;
  };
  /** A stream of a new session on `port`, resumed: the client and the agent's epoch. */
  const fresh = async (port: number) => {
    const session = newSessionId();
    const client = await connect(port, session);
    const epoch = epochOf(await client.resume("-", 0));
    return { session, client, epoch };
  };

  beforeAll(async () => {
    shared = await launch().catch((error: unknown) => {
      sharedFailure = error;
      return undefined;
    });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.drop();
  });
  afterAll(async () => {
    await Promise.all(processes.map((started) => started.kill()));
  });

  it("answers a fresh @resume - 0 with @hello <epoch> 0", async () => {
    const client = await connect(agent().port, newSessionId());
    expect(await client.resume("-", 0)).toMatch(/^@hello [A-Za-z0-9]{4,32} 0$/);
  });

  it.each(["header", "query"] as const)(
    "acknowledges a message and sends its answer as envelopes 1..k (session id in the %s)",
    async (via) => {
      const client = await connect(agent().port, newSessionId(), via);
      epochOf(await client.resume("-", 0));
      expect(await client.message("m-1", "count:3:a")).toEqual(["@got m-1"]);
      expect(await client.next(3)).toEqual(["1:a#1", "2:a#2", "3:a#3"]);
      expect(await client.message("m-2", "hi there")).toEqual(["@got m-2"]);
      expect(await client.next()).toEqual(["4:echo:hi there"]);
    },
  );

  it("acknowledges a duplicate on a new stream and drops it", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "count:2:d");
    expect(await client.next(2)).toEqual(["1:d#1", "2:d#2"]);
    client.drop();
    const again = await connect(agent().port, session);
    expect(await again.resume(epoch, 2)).toBe(`@hello ${epoch} 2`);
    expect(await again.message("m-1", "count:2:d")).toEqual(["@got m-1"]);
    expect(await again.message("m-2", "probe")).toEqual(["@got m-2"]);
    expect(await again.next()).toEqual(["3:echo:probe"]);
  });

  it("replays what a dropped stream missed, in order and once, then goes on live", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "later:6:L:100");
    expect(await client.next(4)).toEqual(["1:L#1", "2:L#2", "3:L#3", "4:L#4"]);
    client.drop(); // as if 3 and 4 were lost in flight
    const again = await connect(agent().port, session);
    expect(await again.resume(epoch, 2)).toBe(`@hello ${epoch} 2`);
    expect(await again.next(4)).toEqual(["3:L#3", "4:L#4", "5:L#5", "6:L#6"]);
    expect(await again.message("m-2", "probe")).toEqual(["@got m-2"]);
    expect(await again.next()).toEqual(["7:echo:probe"]);
  });

  it("drops what @ack acknowledged: a resume from before it gets the gap", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "count:3:c");
    expect(await client.next(3)).toEqual(["1:c#1", "2:c#2", "3:c#3"]);
    client.send("@ack 2");
    // A duplicate is answered with its @got alone: once it came, the @ack before it was read.
    expect(await client.message("m-1", "count:3:c")).toEqual(["@got m-1"]);
    await client.close();
    const again = await connect(agent().port, session);
    expect(await again.resume(epoch, 1)).toBe(`@hello ${epoch} 2`);
    expect(await again.next()).toEqual(["3:c#3"]);
  });

  it("drops what a @resume acknowledged: a resume from before it gets the gap", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "count:3:k");
    expect(await client.next(3)).toEqual(["1:k#1", "2:k#2", "3:k#3"]);
    client.drop();
    const second = await connect(agent().port, session);
    expect(await second.resume(epoch, 2)).toBe(`@hello ${epoch} 2`);
    expect(await second.next()).toEqual(["3:k#3"]);
    await second.close();
    const third = await connect(agent().port, session);
    expect(await third.resume(epoch, 0)).toBe(`@hello ${epoch} 2`);
    expect(await third.next()).toEqual(["3:k#3"]);
  });

  it("answers another epoch with its own, and replays what it has", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "count:1:o");
    expect(await client.next()).toEqual(["1:o#1"]);
    await client.close();
    const again = await connect(agent().port, session);
    expect(await again.resume("Zz00Other", 1)).toBe(`@hello ${epoch} 0`);
    expect(await again.next()).toEqual(["1:o#1"]);
    await again.close();
    // A sequence beyond the agent's last one is answered as for another epoch.
    const beyond = await connect(agent().port, session);
    expect(await beyond.resume(epoch, 9)).toBe(`@hello ${epoch} 0`);
    expect(await beyond.next()).toEqual(["1:o#1"]);
  });

  it("starts a new epoch after a restart", async () => {
    const first = await launch();
    const { session, client, epoch } = await fresh(first.port);
    await client.message("m-1", "count:2:r");
    expect(await client.next(2)).toEqual(["1:r#1", "2:r#2"]);
    await first.kill();
    const second = await launch();
    const again = await connect(second.port, session);
    const hello = await again.resume(epoch, 2);
    expect(hello).toMatch(/^@hello [A-Za-z0-9]{4,32} 0$/);
    expect(epochOf(hello)).not.toBe(epoch);
    expect(await again.message("m-2", "after")).toEqual(["@got m-2"]);
    expect(await again.next()).toEqual(["1:echo:after"]);
  }, 90_000);

  it("evicts the oldest envelopes beyond --max-buffer-bytes: the resume shows the gap", async () => {
    const small = await launch(["--max-buffer-bytes", "12"]);
    const { session, client, epoch } = await fresh(small.port);
    await client.message("m-1", "count:6:T");
    expect(await client.next(6)).toEqual(["1:T#1", "2:T#2", "3:T#3", "4:T#4", "5:T#5", "6:T#6"]);
    await client.close();
    const again = await connect(small.port, session);
    expect(await again.resume(epoch, 1)).toBe(`@hello ${epoch} 2`);
    expect(await again.next(4)).toEqual(["3:T#3", "4:T#4", "5:T#5", "6:T#6"]);
    expect(await again.message("m-2", "probe")).toEqual(["@got m-2"]);
    expect(await again.next()).toEqual(["7:echo:probe"]);
    // A payload over the bound is sent live, then evicted at once: it cannot be replayed.
    expect(await again.message("m-3", "big:20")).toEqual(["@got m-3"]);
    expect(await again.next()).toEqual([`8:${"x".repeat(20)}`]);
    await again.close();
    const last = await connect(small.port, session);
    expect(await last.resume(epoch, 7)).toBe(`@hello ${epoch} 8`);
  }, 90_000);

  it("evicts envelopes older than --max-buffer-age-ms, and only those", async () => {
    const ageMs = 3000;
    const aging = await launch(["--max-buffer-age-ms", String(ageMs)]);
    const { session, client, epoch } = await fresh(aging.port);
    await client.message("m-1", "count:1:old");
    expect(await client.next()).toEqual(["1:old#1"]);
    await client.close();
    const helloAfterResume = async () => {
      const probe = await connect(aging.port, session);
      const hello = await probe.resume(epoch, 0);
      await probe.close();
      return hello;
    };
    await expect
      .poll(helloAfterResume, { timeout: ageMs + 20_000, interval: 250 })
      .toBe(`@hello ${epoch} 1`);
    const live = await connect(aging.port, session);
    expect(await live.resume(epoch, 1)).toBe(`@hello ${epoch} 1`);
    await live.message("m-2", "count:1:new");
    expect(await live.next()).toEqual(["2:new#1"]);
    await live.close();
    const again = await connect(aging.port, session);
    expect(await again.resume(epoch, 1)).toBe(`@hello ${epoch} 1`);
    expect(await again.next()).toEqual(["2:new#1"]);
  }, 90_000);

  it("closes with 1002 a stream whose first frame is not @resume", async () => {
    const client = await connect(agent().port, newSessionId());
    client.send("@msg m-1 hi");
    expect(await client.closeCode()).toBe(1002);
  });

  it.each([
    ["a second @resume", "@resume - 0"],
    ["a frame it cannot read", "@nonsense 1"],
    ["a malformed @msg", "@msg"],
  ])("closes with 1002 on %s after the resume", async (_what, frame) => {
    const { client } = await fresh(agent().port);
    client.send(frame);
    expect(await client.closeCode()).toBe(1002);
  });

  it("closes with 1002 on a binary frame", async () => {
    const { client } = await fresh(agent().port);
    client.sendBinary(new Uint8Array([64, 97, 99, 107, 32, 48]));
    expect(await client.closeCode()).toBe(1002);
  });

  it("gives a client without an epoch what the buffer holds, from the start", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "count:2:f");
    expect(await client.next(2)).toEqual(["1:f#1", "2:f#2"]);
    client.drop();
    const page = await connect(agent().port, session);
    expect(await page.resume("-", 0)).toBe(`@hello ${epoch} 0`);
    expect(await page.next(2)).toEqual(["1:f#1", "2:f#2"]);
  });

  it("spreads a replay of more than 200 frames over time (at most 250 a second)", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    await client.message("m-1", "count:450:P");
    expect((await client.next(450)).at(-1)).toBe("450:P#450");
    client.drop();
    const again = await connect(agent().port, session);
    const start = performance.now();
    expect(await again.resume(epoch, 0)).toBe(`@hello ${epoch} 0`);
    const replay = await again.next(450);
    const elapsed = performance.now() - start;
    expect(replay.map((frame) => Number(frame.split(":")[0]))).toEqual(
      Array.from({ length: 450 }, (_, index) => index + 1),
    );
    // 451 frames, at most 250 in any second, take a second at least; a loaded machine only adds.
    expect(elapsed).toBeGreaterThanOrEqual(1000);
  });

  it("closes the first stream of a session with 1000 when a second one comes", async () => {
    const { session, client, epoch } = await fresh(agent().port);
    const second = await connect(agent().port, session);
    expect(await second.resume(epoch, 0)).toBe(`@hello ${epoch} 0`);
    expect(await client.closeCode()).toBe(1000);
    expect(await second.message("m-1", "on the second")).toEqual(["@got m-1"]);
    expect(await second.next()).toEqual(["1:echo:on the second"]);
  });

  it("refuses a payload whose envelope is too large (big:40000 sends too-large)", async () => {
    const { client } = await fresh(agent().port);
    expect(await client.message("m-1", "big:40000")).toEqual(["@got m-1"]);
    expect(await client.next()).toEqual(["1:too-large"]);
    expect(await client.message("m-2", "big:100")).toEqual(["@got m-2"]);
    expect(await client.next()).toEqual([`2:${"x".repeat(100)}`]);
  });
});
