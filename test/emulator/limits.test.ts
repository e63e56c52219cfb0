import { EmulatorOptionsError, type AgentHandler, type CloseEvent } from "agentcore-react-emulator";
import { emulator, open, presignedUrl, stopEmulators, until } from "./client";
import { ManualTimers } from "./manual-timers";

afterEach(stopEmulators);

async function manualEmulator(limits: {
  idleTimeoutMs?: number;
  maxStreamMs?: number;
  idleCloseCode?: number;
  maxStreamCloseCode?: number;
}) {
  const timers = new ManualTimers();
  const target = await emulator({ timers, now: () => timers.now, limits });
  const url = await presignedUrl(target, { client: { now: () => timers.now } });
  return { timers, target, url };
}

function closeEvents(target: { events: readonly unknown[] }): CloseEvent[] {
  return target.events.filter(
    (event): event is CloseEvent => (event as CloseEvent).type === "close",
  );
}

describe("idle timeout", () => {
  it("closes a stream with 1001 after idleTimeoutMs without a frame either way; every frame restarts it", async () => {
    const { timers, target, url } = await manualEmulator({
      idleTimeoutMs: 1000,
      maxStreamMs: 1_000_000,
    });
    const peer = await open(url);
    timers.advance(999);
    expect(await peer.roundTrip("still here")).toBe("still here");
    timers.advance(999);
    expect(await peer.roundTrip("and here")).toBe("and here");
    timers.advance(1000);
    expect(await peer.closed).toEqual({ code: 1001, reason: "Idle timeout" });
    await until(() => closeEvents(target).length === 1);
    expect(closeEvents(target)[0]).toMatchObject({ code: 1001, cause: "idle-timeout" });
  });

  it("counts frames the agent sends as activity too", async () => {
    const timers = new ManualTimers();
    let send: ((text: string) => void) | undefined;
    const agent: AgentHandler = (socket) => {
      send = (text) => socket.send(text);
    };
    const target = await emulator({
      timers,
      now: () => timers.now,
      agent,
      limits: { idleTimeoutMs: 1000 },
    });
    const peer = await open(await presignedUrl(target, { client: { now: () => timers.now } }));
    await until(() => send !== undefined);
    timers.advance(900);
    send!("tick");
    expect(await peer.next()).toBe("tick");
    timers.advance(900);
    send!("tock");
    expect(await peer.next()).toBe("tock");
    timers.advance(1000);
    expect((await peer.closed).code).toBe(1001);
  });

  it("uses the configured close code", async () => {
    const { timers, url } = await manualEmulator({ idleTimeoutMs: 10, idleCloseCode: 1000 });
    const peer = await open(url);
    timers.advance(10);
    expect((await peer.closed).code).toBe(1000);
  });
});

describe("maximum stream duration", () => {
  it("closes a stream with 1001 maxStreamMs after it opened, however busy it is", async () => {
    const { timers, target, url } = await manualEmulator({
      idleTimeoutMs: 1_000_000,
      maxStreamMs: 5000,
    });
    const peer = await open(url);
    for (let i = 0; i < 4; i += 1) {
      timers.advance(1000);
      expect(await peer.roundTrip(`busy ${i}`)).toBe(`busy ${i}`);
    }
    timers.advance(999);
    expect(await peer.roundTrip("last")).toBe("last");
    timers.advance(1);
    expect(await peer.closed).toEqual({ code: 1001, reason: "Maximum stream duration reached" });
    await until(() => closeEvents(target).length === 1);
    expect(closeEvents(target)[0]).toMatchObject({ cause: "max-stream-duration" });
  });
});

describe("frame size", () => {
  it("accepts a frame of exactly maxFrameBytes and closes with 1009 on a bigger one, counting UTF-8 bytes", async () => {
    const target = await emulator({ limits: { maxFrameBytes: 64 } });
    const peer = await open(await presignedUrl(target));
    expect(await peer.roundTrip("x".repeat(64))).toBe("x".repeat(64));
    expect(await peer.roundTrip("é".repeat(32))).toBe("é".repeat(32));
    peer.send("é".repeat(33));
    expect((await peer.closed).code).toBe(1009);
    await until(() => closeEvents(target).length === 1);
    expect(closeEvents(target)[0]).toMatchObject({ code: 1009, cause: "frame-too-big" });
    const session = [...target.sessions.values()][0]!;
    expect(session.received.map((entry) => (entry.data as string).length)).toEqual([64, 32]);
  });

  it("defaults to the service's 32 KB", async () => {
    const target = await emulator();
    const peer = await open(await presignedUrl(target));
    expect(((await peer.roundTrip("a".repeat(32 * 1024))) as string).length).toBe(32 * 1024);
    peer.send("a".repeat(32 * 1024 + 1));
    expect((await peer.closed).code).toBe(1009);
  });
});

describe("agent failures", () => {
  const failing: Array<{ name: string; agent: AgentHandler; trigger: boolean }> = [
    {
      name: "the handler throws",
      agent: () => {
        throw new Error("handler exploded");
      },
      trigger: false,
    },
    {
      name: "the handler rejects",
      agent: async () => Promise.reject(new Error("handler exploded")),
      trigger: false,
    },
    {
      name: "a message listener throws",
      agent: (socket) => {
        socket.on("message", () => {
          throw new Error("handler exploded");
        });
      },
      trigger: true,
    },
    {
      name: "a message listener rejects",
      agent: (socket) => {
        socket.on("message", async () => {
          await Promise.resolve();
          throw new Error("handler exploded");
        });
      },
      trigger: true,
    },
  ];

  it.each(failing)(
    "closes with 1011 when $name, and logs the error",
    async ({ agent, trigger }) => {
      const target = await emulator({ agent });
      const peer = await open(await presignedUrl(target));
      if (trigger) peer.send("go");
      expect(await peer.closed).toEqual({ code: 1011, reason: "Internal server error" });
      await until(() => closeEvents(target).length === 1);
      expect(closeEvents(target)[0]).toMatchObject({
        code: 1011,
        cause: "agent-error",
        error: "handler exploded",
      });
    },
  );

  it("lets an agent close with its own code, and refuses codes a server may not send", async () => {
    let invalid: unknown;
    const target = await emulator({
      agent: (socket) => {
        socket.on("message", () => {
          try {
            socket.close(1006);
          } catch (error) {
            invalid = error;
          }
          socket.close(4000, "bye");
        });
      },
    });
    const peer = await open(await presignedUrl(target));
    peer.send("close please");
    expect(await peer.closed).toEqual({ code: 4000, reason: "bye" });
    expect(invalid).toBeInstanceOf(EmulatorOptionsError);
    await until(() => closeEvents(target).length === 1);
    expect(closeEvents(target)[0]).toMatchObject({ cause: "agent", code: 4000 });
  });
});
