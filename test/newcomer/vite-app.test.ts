import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../bench/lib/chromium";
import { TEMPLATE_FIXTURE_DIR } from "../docs/template-options";
import { packedTarballs } from "../support/packed-tarballs";
import { freePort, freshTerminalEnvironment, run, start, type Started } from "../support/processes";
import { createViteApp, installAsReadmeSays, writeReadmeFiles } from "./newcomer-app";
import {
  readmeBackend,
  readmeDevCommand,
  readmeEmulatorArgs,
  readmeFirstPage,
} from "./readme-steps";

/**
 * The README's path for a newcomer, end to end: a fresh app from the real `create-vite`
 * React-TS template (from the registry), the packed library and emulator installed as the
 * README says, the README's three-line chat, `vite.config.ts` and Express backend written
 * exactly as the README shows them; then the emulator, the backend (configured by the
 * README's variables) and `vite dev`, and a chat in Chromium that streams an answer; then the
 * template's `npm run build` and the same chat from `vite preview`, through the same proxy.
 *
 * It installs from the registry (npm's cache in CACHE_DIR makes reruns fast), so its deadlines
 * are long; it waits on output and on the page, never on the clock.
 */

const SETUP_MS = 30 * 60_000;
const STEP_MS = 5 * 60_000;

let work = "";
let app = "";
const servers: Started[] = [];
let browser: Browser | undefined;
/** The README's backend, once the dev test started it (the preview test uses it too). */
let backendUrl = "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "agentcore-react-newcomer-"));
  const [tarballs, created] = await Promise.all([packedTarballs(), createViteApp(work)]);
  app = created;
  await installAsReadmeSays(app, tarballs);
  writeReadmeFiles(app);
}, SETUP_MS);

afterAll(async () => {
  await browser?.close();
  for (const server of servers.reverse()) await server.stop();
  if (work) rmSync(work, { recursive: true, force: true });
}, STEP_MS);

const bin = (name: string) => join(app, "node_modules", ".bin", name);

/** The fresh app's npm scripts. */
function scripts(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  return manifest.scripts;
}

/**
 * Opens the README's first page (the demo sign-in) on `port`, sends `question` and waits for
 * the agent's answer: it streams, then completes, with no error on the page.
 */
async function chatsThrough(port: number, question: string): Promise<void> {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.addInitScript(recordAnswerStatuses);
  const firstPage = readmeFirstPage();
  firstPage.port = String(port);
  await page.goto(firstPage.href, { timeout: STEP_MS }); // the demo sign-in, then the app
  expect(new URL(page.url()).pathname).toBe("/");

  await page.getByLabel("Message", { exact: true }).fill(question, { timeout: STEP_MS });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const answer = page.locator('.acr-message--assistant[data-status="complete"]');
  await answer.waitFor({ timeout: STEP_MS });
  const text = await answer.innerText();
  expect(text).toContain(`You said: "${question}"`);
  expect(text).toContain("see the conversation carry on.");
  const statuses = await page.evaluate(
    () => (window as unknown as { answerStatuses: string[] }).answerStatuses,
  );
  expect(statuses).toContain("streaming");
  expect(statuses[statuses.length - 1]).toBe("complete");
  expect(pageErrors).toEqual([]);
  await page.close();
}

/** Records every `data-status` an answer shows, in order (runs in the page). */
function recordAnswerStatuses(): void {
  const seen: string[] = [];
  Object.assign(window, { answerStatuses: seen });
  new MutationObserver(() => {
    const status = document.querySelector(".acr-message--assistant")?.getAttribute("data-status");
    if (status && seen[seen.length - 1] !== status) seen.push(status);
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

describe("a newcomer's Vite app, as README.md tells it", () => {
  it("starts from the template whose compiler options the docs are checked with", () => {
    for (const file of ["tsconfig.app.json", "tsconfig.node.json"]) {
      const fixture = readFileSync(join(TEMPLATE_FIXTURE_DIR, file), "utf8");
      expect(readFileSync(join(app, file), "utf8"), file).toBe(fixture);
    }
  });

  it(
    "typechecks with the template's own TypeScript (its `tsc -b`)",
    async () => {
      await run(bin("tsc"), ["-b"], { cwd: app });
    },
    STEP_MS,
  );

  it(
    "streams an answer: emulator, the README's backend, vite dev and the chat in Chromium",
    async () => {
      const env = freshTerminalEnvironment();
      const emulator = await start(
        bin("agentcore-emulator"),
        [...readmeEmulatorArgs(), "--port", "0"],
        {
          cwd: app,
          env,
          ready: /listening on (ws:\/\/127\.0\.0\.1:\d+)/,
        },
      );
      servers.push(emulator);

      const { set, unset, command } = readmeBackend();
      expect(command).toBe("npx tsx server.ts");
      expect(set.AGENTCORE_ENDPOINT).toBe("ws://127.0.0.1:8787"); // the emulator's usual port
      const backendPort = await freePort();
      const backendEnv: Record<string, string> = {
        ...env,
        ...set,
        AGENTCORE_ENDPOINT: emulator.ready[1] ?? "",
        PORT: String(backendPort),
      };
      for (const name of unset) delete backendEnv[name];
      servers.push(
        await start(bin("tsx"), ["server.ts"], {
          cwd: app,
          env: backendEnv,
          ready: /Presign backend on http:\/\/localhost:\d+\/api\/agent-url/,
        }),
      );
      backendUrl = `http://localhost:${backendPort}`;

      // `npm run dev` is `vite`, here on a free port, with the proxy pointed at the backend.
      expect(readmeDevCommand()).toBe("npm run dev");
      expect(scripts().dev).toBe("vite");
      const vitePort = await freePort();
      servers.push(
        await start(bin("vite"), ["--port", String(vitePort), "--strictPort"], {
          cwd: app,
          env: { ...env, BACKEND_URL: backendUrl },
          ready: /Local:\s+http:\/\/localhost:\d+\//,
        }),
      );

      await chatsThrough(vitePort, "Hello from a fresh Vite app");
      expect(emulator.output()).toMatch(/upgrade accepted 101 auth=sigv4-query/);
    },
    STEP_MS,
  );

  it(
    "builds with the template's `npm run build` and streams an answer from `vite preview`",
    async () => {
      expect(backendUrl, "the backend of the test before").not.toBe("");
      const env = freshTerminalEnvironment();
      expect(scripts().build).toBe("tsc -b && vite build");
      await run("npm", ["run", "build"], { cwd: app, env });
      expect(scripts().preview).toBe("vite preview");
      const previewPort = await freePort();
      servers.push(
        await start(bin("vite"), ["preview", "--port", String(previewPort), "--strictPort"], {
          cwd: app,
          env: { ...env, BACKEND_URL: backendUrl },
          ready: /Local:\s+http:\/\/localhost:\d+\//,
        }),
      );
      await chatsThrough(previewPort, "Hello from a production build");
    },
    STEP_MS,
  );
});
