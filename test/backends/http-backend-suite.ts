import { DEMO_CREDENTIALS, type Emulator } from "agentcore-react-emulator";
import { backendUrlProvider } from "../../src/index";
import {
  chat,
  DEADLINE_MS,
  emulatorEnvironment,
  expectedAnswer,
  RUNTIME_ARN,
  startBackend,
  startTestEmulator,
  type RunningBackend,
} from "./support";

/**
 * The checks every example HTTP backend passes: started as its own process and configured by
 * its environment for the local emulator, it signs a browser-like caller in with the demo
 * cookie, and a chat in Node goes `backendUrlProvider` -> the backend -> a presigned URL ->
 * `AgentRuntimeConnection` (ws) -> the emulator's streaming agent -> the whole answer.
 */
export function describeHttpBackend(file: string): void {
  let emulator: Emulator | undefined;
  let backend: RunningBackend | undefined;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    backend = await startBackend(file, emulatorEnvironment(emulator));
  }, DEADLINE_MS);
  afterAll(async () => {
    await backend?.stop();
    await emulator?.close();
  });

  const running = () => {
    if (!emulator || !backend) throw new Error("The emulator or the backend did not start");
    return { emulator, backend };
  };

  async function signIn(): Promise<string> {
    const { backend } = running();
    const answer = await fetch(backend.endpoint.replace("agent-url", "demo-sign-in"), {
      redirect: "manual",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/");
    const [cookie = ""] = answer.headers.getSetCookie();
    expect(cookie).toMatch(/^demo_user=demo;.*HttpOnly/i);
    return cookie.split(";")[0] ?? "";
  }

  it(
    "signs in with the demo cookie and holds a chat with the agent through the emulator",
    async () => {
      const { emulator, backend } = running();
      const cookie = await signIn();
      const urlProvider = backendUrlProvider({ endpoint: backend.endpoint, headers: { cookie } });

      const first = await chat(urlProvider, "Hello");
      expect(first.answer).toBe(expectedAnswer("Hello", 1));
      // A session id the backend bound to the signed-in user, on a URL it presigned with the
      // demo credentials for the configured runtime.
      expect(first.sessionId).toMatch(/^[\w-]+\.[\w-]{43}$/);
      expect(emulator.upgrades.filter((u) => u.sessionId === first.sessionId)).toEqual([
        expect.objectContaining({
          outcome: "accepted",
          auth: "sigv4-query",
          runtimeArn: RUNTIME_ARN,
          accessKeyId: DEMO_CREDENTIALS.accessKeyId,
        }),
      ]);
      expect(backend.output()).not.toContain("client address is unknown");
    },
    DEADLINE_MS,
  );

  it(
    "answers 401 to a caller who is not signed in, and signs nothing",
    async () => {
      const { emulator, backend } = running();
      const upgrades = emulator.upgrades.length;
      const answer = await fetch(backend.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: "demo_user=" },
        body: "{}",
      });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: "unauthorized" } });
      expect(emulator.upgrades.length).toBe(upgrades);
    },
    DEADLINE_MS,
  );
}
