import { createServer, Socket, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DemoStartError } from "../../examples/server/errors";
import { startDemo, type DemoStack } from "../../examples/server/start-demo";

const servers: Server[] = [];
const stacks: DemoStack[] = [];
const cacheDir = fileURLToPath(new URL("../../node_modules/.vite/demo-test", import.meta.url));

afterEach(async () => {
  await Promise.all(stacks.splice(0).map((stack) => stack.close()));
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function takenPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const port = await takenPort();
  const server = servers.pop();
  await new Promise((done) => server?.close(done));
  return port;
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.connect(port, "127.0.0.1");
  });
}

const FREE = {
  appPort: 0,
  backendPort: 0,
  emulatorPort: 0,
  viteLogLevel: "silent" as const,
  viteCacheDir: cacheDir,
};

describe("startDemo", () => {
  it.each([
    ["app", "appPort", "demo app (Vite)"],
    ["backend", "backendPort", "presign backend"],
    ["emulator", "emulatorPort", "AgentCore Runtime emulator"],
  ] as const)(
    "refuses a taken %s port with a DemoStartError naming the server",
    async (server, option, label) => {
      const port = await takenPort();
      const error = await startDemo({ ...FREE, [option]: port }).then(
        (stack) => {
          stacks.push(stack);
          return null;
        },
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DemoStartError);
      expect(error).toMatchObject({ code: "port-in-use", server, port });
      expect((error as Error).message).toBe(
        `Port ${port} on 127.0.0.1 is already in use, so the ${label} cannot start.`,
      );
    },
  );

  it("stops what it started when a later server cannot listen", async () => {
    const [emulatorPort, backendPort] = [await freePort(), await freePort()];
    const appPort = await takenPort();
    await expect(startDemo({ ...FREE, appPort, backendPort, emulatorPort })).rejects.toMatchObject({
      code: "port-in-use",
      server: "app",
    });
    // The emulator and the backend had started on these ports, and were closed again.
    expect(await acceptsConnections(emulatorPort)).toBe(false);
    expect(await acceptsConnections(backendPort)).toBe(false);
  });

  it("answers the config the page needs, and closes idempotently", async () => {
    const stack = await startDemo(FREE);
    const config = (await (
      await fetch(new URL("/demo-config.json", stack.appUrl))
    ).json()) as Record<string, unknown>;
    expect(config).toEqual(stack.config);
    expect(stack.config.presignEndpoint).toBe(`${stack.backend.url}/api/agent-url`);
    expect(stack.config.emulator?.controlUrl).toBe(`${stack.emulator?.httpUrl}/__emulator`);
    expect(stack.config.codec).toBe("text");
    await Promise.all([stack.close(), stack.close()]);
    await expect(fetch(stack.appUrl)).rejects.toThrow();
    await expect(fetch(`${stack.backend.url}/api/health`)).rejects.toThrow();
    expect(stack.config.delivery).toBe(false);
    expect(stack.config.voice).toBe(false);
    expect(stack.deliveryAgent).toBeNull();
  });

  it("with the delivery agent, starts its container, forwards to it, turns delivery on, and stops it", async () => {
    const stack = await startDemo({ ...FREE, agent: "delivery" });
    stacks.push(stack);
    expect(stack.config).toMatchObject({ codec: "text", delivery: true });
    const agentUrl = stack.deliveryAgent?.url ?? "";
    expect(await (await fetch(`${agentUrl}/ping`)).json()).toEqual({ status: "Healthy" });
    await stack.close();
    await expect(fetch(`${agentUrl}/ping`)).rejects.toThrow();
  });
});
