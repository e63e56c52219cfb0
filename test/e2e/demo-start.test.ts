import { createServer, Socket, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS, verifyPresignedUrl } from "agentcore-react-emulator";
import type { DemoConfig } from "../../examples/src/demo-config";
import { launchBrowser, newContext, newPage, screenshot } from "./support/browser";
import { DemoPage } from "./support/demo-page";
import { StartScript } from "./support/start-script";

const ALL_PORTS_FREE = ["--port", "0", "--backend-port", "0", "--emulator-port", "0"];
const scripts: StartScript[] = [];
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(scripts.splice(0).map((script) => script.stop("SIGKILL")));
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

function start(args: readonly string[], env: Record<string, string | undefined> = {}) {
  const script = new StartScript(args, env);
  scripts.push(script);
  return script;
}

/** A port some other process holds. */
async function takenPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** True once nothing accepts connections on the port any more. */
function isClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
    socket.connect(port, "127.0.0.1");
  });
}

async function presign(endpoint: string, headers: Record<string, string>, origin?: string) {
  return fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers, ...(origin ? { origin } : {}) },
    body: JSON.stringify({}),
  });
}

describe("npm start", () => {
  it("starts the emulator, the backend and the app, serves a working page, and stops on Ctrl-C", async () => {
    const script = start([...ALL_PORTS_FREE, "--quiet"]);
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    const app = new URL(appUrl as string);

    const html = await (await fetch(app)).text();
    expect(html).toContain('<div id="root"></div>');
    const config = (await (await fetch(new URL("/demo-config.json", app))).json()) as DemoConfig;
    expect(config.mode).toBe("emulator");
    expect(config.emulator).not.toBeNull();

    // The backend signs for the demo user only, and for the emulator.
    const refused = await presign(config.presignEndpoint, {});
    expect(refused.status).toBe(401);
    const answer = await presign(
      config.presignEndpoint,
      { [config.demoUser.header]: config.demoUser.value },
      app.origin,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe(app.origin);
    const body = (await answer.json()) as { url: string; sessionId: string; expiresAt: number };
    expect(body.url.startsWith(`${config.emulator?.url}/runtimes/`)).toBe(true);
    const verified = await verifyPresignedUrl(body.url, { credentials: DEMO_CREDENTIALS });
    expect(verified).toMatchObject({
      ok: true,
      runtimeArn: config.runtimeArn,
      sessionId: body.sessionId,
    });
    const foreign = await presign(
      config.presignEndpoint,
      { [config.demoUser.header]: config.demoUser.value },
      "http://evil.example",
    );
    expect(foreign.status).toBe(403);

    // The page itself connects.
    const browser = await launchBrowser();
    try {
      const page = await newPage(await newContext(browser));
      const demo = await new DemoPage(page).open(appUrl as string);
      await demo.waitForStatus("open");
      await screenshot(page, "00-npm-start");
    } finally {
      await browser.close();
    }

    const ports = [
      Number(app.port),
      Number(new URL(config.presignEndpoint).port),
      Number(new URL(config.emulator?.url ?? "").port),
    ];
    const exit = await script.stop("SIGINT");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(script.stdout).toContain("Stopped.");
    expect(script.stderr).not.toMatch(/error/i);
    for (const port of ports) expect(await isClosed(port)).toBe(true);
  });

  it("says which port is taken, and how to pick another, when a server cannot listen", async () => {
    const port = await takenPort();
    const script = start(["--port", "0", "--backend-port", String(port), "--emulator-port", "0"]);
    const exit = await script.exited;
    expect(exit.code).toBe(1);
    expect(script.stderr).toContain(
      `Port ${port} on 127.0.0.1 is already in use, so the presign backend cannot start.`,
    );
    expect(script.stderr).toContain("npm start -- --backend-port <n> (or DEMO_BACKEND_PORT=<n>)");
    expect(script.stdout).not.toContain("Open http");
  });

  it("signs for the real service when AGENTCORE_RUNTIME_ARN and AWS_REGION are set", async () => {
    const runtimeArn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/real_agent-AbC123";
    const credentials = {
      accessKeyId: "AKIAE2ETESTEXAMPLE01",
      secretAccessKey: "e2e/only/not+a+real+secret/0123456789abcd",
    };
    const script = start(["--port", "0", "--backend-port", "0", "--quiet"], {
      AGENTCORE_RUNTIME_ARN: runtimeArn,
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: "",
    });
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(script.stdout).toContain("the real AgentCore Runtime service (eu-west-1)");
    const config = (await (await fetch(new URL("/demo-config.json", appUrl))).json()) as DemoConfig;
    expect(config).toMatchObject({ mode: "aws", runtimeArn, region: "eu-west-1", emulator: null });

    const answer = await presign(config.presignEndpoint, {
      [config.demoUser.header]: config.demoUser.value,
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { url: string; sessionId: string };
    expect(body.url.startsWith("wss://bedrock-agentcore.eu-west-1.amazonaws.com/runtimes/")).toBe(
      true,
    );
    const verified = await verifyPresignedUrl(body.url, { credentials });
    expect(verified).toMatchObject({ ok: true, runtimeArn, sessionId: body.sessionId });

    expect(await script.stop("SIGINT")).toEqual({ code: 0, signal: null });
  });

  it("explains a half-configured real-service mode and bad flags without starting anything", async () => {
    const noRegion = start(ALL_PORTS_FREE, {
      AGENTCORE_RUNTIME_ARN: "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/a-b",
    });
    expect((await noRegion.exited).code).toBe(1);
    expect(noRegion.stderr).toContain("AGENTCORE_RUNTIME_ARN is set but AWS_REGION is not");
    expect(noRegion.stdout).not.toContain("Open http");
    const badFlag = start(["--port", "eighty"]);
    expect((await badFlag.exited).code).toBe(2);
    expect(badFlag.stderr).toContain('--port must be a port number from 0 to 65535, got "eighty"');
    expect(badFlag.stderr).toContain("Usage: npm start");
  });
});
