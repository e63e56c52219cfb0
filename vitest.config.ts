import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { chromiumLaunchOptions } from "./test/support/chromium-launch";

/** A fresh browser config per project: vitest refuses one object shared by two projects. */
function chromium() {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: { ...chromiumLaunchOptions } }),
    instances: [{ browser: "chromium" as const }],
  };
}

const BROWSER_TESTS = "**/*.browser.test.{ts,tsx}";
const E2E_TESTS = "test/e2e/**/*.test.ts";

export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [BROWSER_TESTS, E2E_TESTS, "**/node_modules/**"],
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
          // A real loopback WebSocket agent for the hook's Chromium tests.
          globalSetup: ["test/react/agent-test-server.ts"],
          browser: chromium(),
        },
      },
      {
        // Every story renders in Chromium, runs its play function and passes axe.
        extends: true,
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL("./.storybook", import.meta.url)) }),
        ],
        test: {
          name: "storybook",
          browser: chromium(),
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium (playwright-core) against the emulator, the presign backend and the
          // demo app; one file at a time so the browsers and dev servers never compete.
          name: "e2e",
          environment: "node",
          include: [E2E_TESTS],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
