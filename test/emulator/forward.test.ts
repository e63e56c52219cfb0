import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type WebSocket from "ws";
import { WebSocketServer } from "ws";
import {
  DEMO_CREDENTIALS,
  EmulatorOptionsError,
  EmulatorStartError,
  startEmulator,
} from "agentcore-react-emulator";
import { RUNTIME_ARN, connect, emulator, open, sessionId, signer, stopEmulators } from "./client";

/**
 * `forward`: the emulator in front of an agent container. A stand-in container on loopback
 * (`GET /ping`, WebSocket `/ws`) records what each upgrade carried and runs a scripted agent.
 */

type ContainerAgent = (ws: WebSocket) => void;

class Container {
  pingStatus = 200;
  /** Answer the next `/ws` upgrades with this status instead of accepting them. */
  refuseUpgrades: number | undefined;
  readonly upgrades: IncomingHttpHeaders[] = [];
  readonly paths: string[] = [];
  agent: ContainerAgent = (ws) =>
    ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary }));
  readonly #http: Server;
  readonly #wss = new WebSocketServer({ noServer: true });

  constructor() {
    this.#http = createServer((req, res) => {
      if (req.url === "/ping") res.writeHead(this.pingStatus).end('{"status":"Healthy"}');
      else res.writeHead(404).end();
    });
    this.#http.on("upgrade", (req, socket, head) => {
      this.paths.push(req.url ?? "");
      this.upgrades.push(req.headers);
      if (this.refuseUpgrades !== undefined) {
        socket.end(`HTTP/1.1 ${this.refuseUpgrades} No\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.agent(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#http.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }
}

// Real sockets and (for forward) a ping before every upgrade: room for a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let container: Container;

beforeEach(async () => {
  container = await new Container().start();
});

afterEach(async () => {
  await stopEmulators();
  await container.stop();
});

const CUSTOM = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant";

async function presigned(target: Awaited<ReturnType<typeof emulator>>, session = sessionId()) {
  return signer(target).generatePresignedUrl({
    runtimeArn: RUNTIME_ARN,
    sessionId: session,
    customParams: { [CUSTOM]: "acme (eu)", other: "not forwarded" },
  });
}

describe("forward: start-up and refusals", () => {
  it("refuses to start when the container does not answer GET /ping", async () => {
    const down = container.url;
    await container.stop();
    const starting = startEmulator({ credentials: DEMO_CREDENTIALS, forward: down });
    await expect(starting).rejects.toBeInstanceOf(EmulatorStartError);
    await expect(starting).rejects.toMatchObject({
      code: "AGENT_UNAVAILABLE",
      message: expect.stringContaining(`No agent container answers at ${down}`),
    });
    container = await new Container().start();
  });

  it("refuses an upgrade with 424 once the container stops answering its ping", async () => {
    const target = await emulator({ forward: container.url });
    container.pingStatus = 503;
    const attempt = await connect(await presigned(target));
    expect(attempt).toMatchObject({ ok: false, status: 424 });
    expect(target.upgrades.at(-1)).toMatchObject({
      outcome: "refused",
      status: 424,
      code: "agent-unavailable",
      reason: expect.stringContaining("HTTP 503"),
    });
    expect(container.upgrades).toHaveLength(0);
  });

  it("refuses an upgrade with 424 when the container refuses its /ws upgrade", async () => {
    const target = await emulator({ forward: container.url });
    container.refuseUpgrades = 500;
    expect(await connect(await presigned(target))).toMatchObject({ ok: false, status: 424 });
    expect(target.upgrades.at(-1)).toMatchObject({ status: 424, code: "agent-refused" });
  });

  it("authenticates first: a bad signature never reaches the container", async () => {
    const target = await emulator({ forward: container.url });
    const url = (await presigned(target)).replace(/X-Amz-Signature=[0-9a-f]/, "X-Amz-Signature=Z");
    expect(await connect(url)).toMatchObject({ ok: false, status: 403 });
    expect(container.upgrades).toHaveLength(0);
  });

  it("takes a forward URL or options, and refuses bad ones with EmulatorOptionsError", async () => {
    for (const forward of ["ftp://127.0.0.1:1", "http://127.0.0.1:1/agent", "not a url", 42]) {
      await expect(
        startEmulator({ credentials: DEMO_CREDENTIALS, forward: forward as string }),
      ).rejects.toBeInstanceOf(EmulatorOptionsError);
    }
    await expect(
      startEmulator({ credentials: DEMO_CREDENTIALS, forward: container.url, agent: "echo" }),
    ).rejects.toThrow("not both");
    await expect(
      startEmulator({
        credentials: DEMO_CREDENTIALS,
        forward: { url: container.url, pingTimeoutMs: 0 },
      }),
    ).rejects.toThrow("forward.pingTimeoutMs");
    const target = await emulator({
      forward: { url: `${container.url}/`, connectTimeoutMs: 2000 },
    });
    expect(target.forwardedTo).toBe(container.url);
  });
});

describe("forward: what the container receives", () => {
  it("opens /ws with the session id and the presigned URL's custom parameters as headers", async () => {
    const target = await emulator({ forward: container.url });
    const peer = await open(await presigned(target, sessionId("headers")));
    expect(await peer.roundTrip("ping")).toBe("ping");
    expect(container.paths).toEqual(["/ws"]);
    const [headers] = container.upgrades;
    expect(headers?.["x-amzn-bedrock-agentcore-runtime-session-id"]).toBe(sessionId("headers"));
    expect(headers?.[CUSTOM.toLowerCase()]).toBe("acme (eu)");
    const names = Object.keys(headers ?? {});
    expect(names.filter((name) => name.startsWith("x-amz-") || name === "other")).toEqual([]);
  });

  it("passes the custom headers of a SigV4-header upgrade, not its Authorization", async () => {
    const target = await emulator({ forward: container.url });
    const connection = await signer(target).generateWsConnection({
      runtimeArn: RUNTIME_ARN,
      sessionId: sessionId("signed-headers"),
    });
    const peer = await open(connection.url, {
      headers: { ...connection.headers, [CUSTOM]: "from a header" },
    });
    expect(await peer.roundTrip("hi")).toBe("hi");
    const [headers] = container.upgrades;
    expect(headers?.["x-amzn-bedrock-agentcore-runtime-session-id"]).toBe(
      sessionId("signed-headers"),
    );
    expect(headers?.[CUSTOM.toLowerCase()]).toBe("from a header");
    expect(headers?.["authorization"]).toBeUndefined();
  });
});

describe("forward: the relay", () => {
  it("relays text and binary frames both ways, as they were", async () => {
    container.agent = (ws) =>
      ws.on("message", (data, isBinary) => {
        ws.send(
          isBinary ? Buffer.concat([Buffer.from([0xff]), data as Buffer]) : `echo:${String(data)}`,
          {
            binary: isBinary,
          },
        );
      });
    const target = await emulator({ forward: container.url });
    const peer = await open(await presigned(target));
    expect(await peer.roundTrip("héllo")).toBe("echo:héllo");
    peer.send(Buffer.from([0xc3, 0x00, 0x01]));
    expect(await peer.next()).toEqual(Buffer.from([0xff, 0xc3, 0x00, 0x01]));
    const session = target.sessions.get(sessionId());
    expect(session?.received.map((entry) => entry.data)).toEqual([
      "héllo",
      new Uint8Array([0xc3, 0x00, 0x01]),
    ]);
  });

  it("delivers what the agent sends at once on connect, before the client's upgrade completed", async () => {
    container.agent = (ws) => {
      ws.send("welcome");
      ws.send(Buffer.from("bytes"), { binary: true });
    };
    const target = await emulator({ forward: container.url });
    const peer = await open(await presigned(target));
    expect(await peer.next()).toBe("welcome");
    expect(await peer.next()).toEqual(Buffer.from("bytes"));
  });

  it("passes the agent's close code to the client, and 1000 after a close without one", async () => {
    container.agent = (ws) => ws.on("message", (data) => ws.close(Number(String(data)), "bye"));
    const target = await emulator({ forward: container.url });
    const first = await open(await presigned(target));
    first.send("4001");
    expect(await first.closed).toEqual({ code: 4001, reason: "bye" });
    container.agent = (ws) => ws.on("message", () => ws.close());
    const second = await open(await presigned(target));
    second.send("close");
    expect((await second.closed).code).toBe(1000);
  });

  it("closes the client with 1011 when the agent's socket breaks", async () => {
    container.agent = (ws) => ws.on("message", () => ws.terminate());
    const target = await emulator({ forward: container.url });
    const peer = await open(await presigned(target));
    peer.send("break");
    expect((await peer.closed).code).toBe(1011);
  });

  it("passes the client's close code to the agent, and closes the agent's socket on a drop", async () => {
    const closes: number[] = [];
    let closed: () => void = () => undefined;
    container.agent = (ws) =>
      ws.on("close", (code) => {
        closes.push(code);
        closed();
      });
    const target = await emulator({ forward: container.url });
    const agentClosed = () => new Promise<void>((resolve) => (closed = resolve));
    const peer = await open(await presigned(target));
    let waiting = agentClosed();
    peer.ws.close(4002, "done");
    await waiting;
    const dropped = await open(await presigned(target));
    waiting = agentClosed();
    dropped.ws.terminate();
    await waiting;
    expect(closes).toEqual([4002, 1001]);
  });
});
