import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { chromiumLaunchOptions } from "./test/support/chromium-launch.ts";
import { secondTabCommands } from "./test/support/second-tab.ts";
import { visualCommands } from "./test/visual/commands.ts";
import { FAKE_MICROPHONE_WAV, fakeMicrophoneFlags } from "./test/voice/fake-microphone.ts";

/**
 * The voice tests' microphone and speakers: a fake capture device granted without a prompt,
 * playing a WAV file the voice global setup writes, and audio that may start without a click.
 */
const FAKE_MEDIA = fakeMicrophoneFlags(FAKE_MICROPHONE_WAV);

/** A fresh browser config per project: vitest refuses one object shared by two projects. */
function chromium(extraArgs: string[] = []) {
  const args = [...chromiumLaunchOptions.args, ...extraArgs];
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: { ...chromiumLaunchOptions, args } }),
    instances: [{ browser: "chromium" as const }],
  };
}

const BROWSER_TESTS = "**/*.browser.test.{ts,tsx}";
// Real Chromium against servers: the demo's e2e tests, and a newcomer's fresh Vite app.
const E2E_TESTS = ["test/e2e/**/*.test.ts", "test/newcomer/**/*.test.ts"];

/**
 * Workspace packages export their TypeScript sources under the `source` condition, so tests
 * import `agentcore-react-emulator` by name without building it first. A linked workspace
 * package is not externalized, so Vite resolves it: with `resolve.conditions` in the
 * browser-like projects and `ssr.resolve.conditions` in the Node ones. Setting a list replaces
 * the default, so each keeps the default it replaces; for SSR that is Vitest's own, which leaves
 * out the bundler-only `module` because Vitest also passes these to Node as `--conditions`.
 */
const SOURCE_CONDITION = "agentcore-react-source";
const NODE_CONDITIONS = defaultServerConditions.filter((condition) => condition !== "module");

export default defineConfig({
  // Vite's info lines (dependency optimisation) are noise in a test run; warnings still show.
  logLevel: "warn",
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...NODE_CONDITIONS] } },
  test: {
    globals: true,
    // Vitest's default is one worker per core but one; on 2 cores that is a single worker, while
    // much of this suite waits on sockets, servers and Chromium rather than on the CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Tests wait on events; these deadlines only catch a hang, so they allow for a loaded
    // machine (Vitest's defaults, 5 s and 10 s, are shorter than a waitFor's 20 s).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits on a condition; its default deadline (1 s) is too short under load.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: [
            "src/**/*.test.ts",
            "packages/*/src/**/*.test.ts",
            "test/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          exclude: [BROWSER_TESTS, ...E2E_TESTS, "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "jsdom",
          environment: "jsdom",
          include: ["src/**/*.test.tsx", "test/**/*.test.tsx"],
          exclude: [BROWSER_TESTS, "**/node_modules/**"],
          setupFiles: ["test/setup/jsdom.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: [`src/${BROWSER_TESTS}`, `test/${BROWSER_TESTS}`],
          setupFiles: ["test/setup/browser.ts"],
          // A real loopback WebSocket agent for the hook's Chromium tests; the emulator and a
          // presign backend for the UI adapters'; the AG-UI stack (emulator + agent) that the
          // ag-ui adapter's test starts on request; a streaming emulator of its own (faults are
          // global to an emulator) and a presign backend for the AI SDK adapter's.
          globalSetup: [
            "test/react/agent-test-server.ts",
            "test/adapters/emulator-stack.ts",
            "test/adapters/ag-ui-stack-server.ts",
            "test/adapters/ai-sdk-stack.ts",
            "test/voice/voice-emulator.ts",
          ],
          // A second tab of the origin for the persistence claims (test/support/second-tab.ts).
          browser: { ...chromium(FAKE_MEDIA), commands: secondTabCommands },
        },
      },
      {
        // Every story renders in Chromium, runs its play function, passes axe, and matches its
        // screenshots light and dark at 1280 and 390 px (test/setup/storybook-visual.ts).
        extends: true,
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL("./.storybook", import.meta.url)) }),
        ],
        test: {
          name: "storybook",
          setupFiles: ["test/setup/storybook-visual.ts"],
          browser: { ...chromium(), commands: visualCommands },
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium (playwright-core) against the emulator, the presign backend and the
          // demo app; one file at a time so the browsers and dev servers never compete.
          name: "e2e",
          environment: "node",
          include: E2E_TESTS,
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
