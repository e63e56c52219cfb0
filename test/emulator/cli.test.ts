import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import { resolve } from "node:path";
import { DEMO_CREDENTIALS } from "agentcore-react-emulator";
import { WebSocketServer } from "ws";
import { AgentRuntimeClient } from "../../src/signing";
import { RUNTIME_ARN, open, sessionId } from "./client";

const CLI = resolve(__dirname, "../../packages/emulator/src/cli.ts");

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[], env: Record<string, string | undefined> = {}): Running {
  const cleanEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    ...env,
  };
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    env: cleanEnv as NodeJS.ProcessEnv,
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The emulator's URL, once the whole banner is out (it is written line by line, so chunks can split it). */
async function listeningUrl(running: Running): Promise<string> {
  const bannerDone = () => running.stdout().includes("Press Ctrl-C to stop.");
  if (!bannerDone()) {
    await new Promise<void>((done, fail) => {
      const onData = () => {
        if (!bannerDone()) return;
        running.child.stdout.off("data", onData);
        done();
      };
      running.child.stdout.on("data", onData);
      void running.exited.then(() => fail(new Error(`the CLI exited early: ${running.stderr()}`)));
    });
  }
  const match = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(running.stdout());
  if (!match) throw new Error(`no URL in the banner: ${running.stdout()}`);
  return match[1] as string;
}

describe("agentcore-emulator", () => {
  it("prints its URL, serves presigned connections with the demo credentials, and stops cleanly on SIGINT", async () => {
    const running = runCli(["--port", "0", "--agent", "echo"]);
    const url = await listeningUrl(running);
    expect(running.stdout()).toContain(`access key ${DEMO_CREDENTIALS.accessKeyId}`);
    expect(running.stdout()).not.toContain(DEMO_CREDENTIALS.secretAccessKey);
    const client = new AgentRuntimeClient({
      region: "us-west-2",
      credentials: DEMO_CREDENTIALS,
      endpoint: url,
    });
    const peer = await open(
      await client.generatePresignedUrl({ runtimeArn: RUNTIME_ARN, sessionId: sessionId() }),
    );
    expect(await peer.roundTrip('{"inputText":"from the CLI"}')).toBe("from the CLI");
    running.child.kill("SIGINT");
    expect(await running.exited).toBe(0);
    expect((await peer.closed).code).toBe(1001);
    expect(running.stdout()).toContain("Emulator stopped.");
    expect(running.stdout()).toMatch(/upgrade accepted 101 auth=sigv4-query/);
  }, 30_000);

  it("accepts the credentials of the environment, prints the key id only, and stops on SIGTERM", async () => {
    const running = runCli(["--port", "0", "--quiet"], {
      AWS_ACCESS_KEY_ID: "AKIDFROMENV",
      AWS_SECRET_ACCESS_KEY: "env-secret-value",
    });
    const url = await listeningUrl(running);
    expect(running.stdout()).toContain("accepting access key AKIDFROMENV (from AWS_ACCESS_KEY_ID)");
    expect(running.stdout()).not.toContain("env-secret-value");
    const client = new AgentRuntimeClient({
      region: "us-west-2",
      credentials: { accessKeyId: "AKIDFROMENV", secretAccessKey: "env-secret-value" },
      endpoint: url,
    });
    await open(
      await client.generatePresignedUrl({ runtimeArn: RUNTIME_ARN, sessionId: sessionId() }),
    );
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(running.stdout()).not.toMatch(/upgrade accepted/);
  }, 30_000);

  describe("with a port taken", () => {
    let blocker: Server;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", () => done()));
    });
    afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

    it("exits with 1 and says the port is in use", async () => {
      const port = (blocker.address() as { port: number }).port;
      const running = runCli(["--port", String(port)]);
      expect(await running.exited).toBe(1);
      expect(running.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(running.stderr()).toContain("--port");
    }, 30_000);
  });

  it("exits with 2 and the usage on a bad flag", async () => {
    const running = runCli(["--agent", "parrot"]);
    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain("--agent must be one of echo, streaming, ag-ui");
    expect(running.stderr()).toContain("Usage: agentcore-emulator");
  }, 30_000);

  describe("--forward", () => {
    it("stands in front of an agent container: /ping first, then each stream relayed to /ws", async () => {
      const wss = new WebSocketServer({ noServer: true });
      const seen: Array<string | undefined> = [];
      const container = createHttpServer((req, res) => {
        res.writeHead(req.url === "/ping" ? 200 : 404).end('{"status":"Healthy"}');
      });
      container.on("upgrade", (req, socket, head) => {
        seen.push(req.headers["x-amzn-bedrock-agentcore-runtime-session-id"] as string | undefined);
        wss.handleUpgrade(req, socket, head, (ws) =>
          ws.on("message", (data) => ws.send(`agent: ${String(data)}`)),
        );
      });
      await new Promise<void>((done) => container.listen(0, "127.0.0.1", () => done()));
      const agentUrl = `http://127.0.0.1:${(container.address() as { port: number }).port}`;
      const running = runCli(["--port", "0", "--forward", agentUrl]);
      try {
        const url = await listeningUrl(running);
        expect(running.stdout()).toContain(`forwarded to your agent at ${agentUrl}`);
        const client = new AgentRuntimeClient({
          region: "us-west-2",
          credentials: DEMO_CREDENTIALS,
          endpoint: url,
        });
        const peer = await open(
          await client.generatePresignedUrl({
            runtimeArn: RUNTIME_ARN,
            sessionId: sessionId("cli"),
          }),
        );
        expect(await peer.roundTrip("hi")).toBe("agent: hi");
        expect(seen).toEqual([sessionId("cli")]);
      } finally {
        running.child.kill("SIGINT");
        await running.exited;
        container.closeAllConnections();
        await new Promise<void>((done) => container.close(() => done()));
      }
    }, 30_000);

    it("exits with 1 and says so when no container answers", async () => {
      const free = createServer();
      await new Promise<void>((done) => free.listen(0, "127.0.0.1", () => done()));
      const port = (free.address() as { port: number }).port;
      await new Promise<void>((done) => free.close(() => done()));
      const running = runCli(["--port", "0", "--forward", `http://127.0.0.1:${port}`]);
      expect(await running.exited).toBe(1);
      expect(running.stderr()).toContain(`No agent container answers at http://127.0.0.1:${port}`);
      expect(running.stderr()).toContain("ECONNREFUSED");
    }, 30_000);
  });
});
