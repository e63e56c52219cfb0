import { describe, expect, it } from "vitest";
import { sizeAppTable, type SizeAppResult } from "../../bench/lib/size-app-doc";

const NAMES = [
  "react",
  "ours",
  "ours-markdown",
  "amplify",
  "amplify-component",
  "assistant-ui-primitives",
  "ai-sdk-use-chat",
];

function result(overrides: Record<string, Partial<SizeAppResult["apps"][number]>> = {}) {
  return {
    machine: {
      date: "2026-12-04T00:00:00.000Z",
      node: "v20",
      cpu: "x",
      memoryGiB: 1,
      platform: "linux",
    },
    versions: { react: "19.0.0" },
    apps: NAMES.map((name) => ({
      name,
      setup: `${name} setup`,
      initialJs: 60_000,
      initialCss: 0,
      lazy: 0,
      addedInitial: 0,
      ...overrides[name],
    })),
  } satisfies SizeAppResult;
}

const row = (table: string, label: string) =>
  table
    .split("\n")
    .find((line) => line.startsWith(`| ${label} |`))!
    .split("|")
    .map((cell) => cell.trim());

describe("the README's table of what each chat adds to an app", () => {
  it("shows JS beyond React's, the CSS, and ours over each peer's added bytes", () => {
    const table = sizeAppTable(
      result({
        ours: { initialJs: 90_000, initialCss: 6_000, addedInitial: 36_000, lazy: 3_400 },
        amplify: { initialJs: 150_000, initialCss: 30_000, addedInitial: 120_000 },
      }),
    );
    expect(row(table, "`<AgentChat>`").slice(2, 7)).toEqual(["36.0", "30.0", "6.0", "3.4", ""]);
    expect(row(table, "Amplify UI `AIConversation`, docs setup").slice(2, 7)).toEqual([
      "120.0",
      "90.0",
      "30.0",
      "0.0",
      "0.30",
    ]);
    expect(table).toContain("React's own 60.0 kB subtracted");
  });

  it("names the app a result file lacks instead of printing a wrong table", () => {
    const partial = result();
    partial.apps = partial.apps.filter((app) => app.name !== "amplify");
    expect(() => sizeAppTable(partial)).toThrow(/no "amplify" app/);
  });
});
