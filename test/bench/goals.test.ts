import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PeerResult, SigningResult } from "../../bench/lib/doc-tables";
import { goalRows, MISSED_BECAUSE, type SizeResult } from "../../bench/lib/goals";
import { RESULTS_DIR } from "../../bench/lib/results";

const read = <T>(name: string) =>
  JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), "utf8")) as T;

function results() {
  return {
    stream: read<PeerResult>("peers-streaming"),
    thread: read<PeerResult>("peers-long-thread"),
    signing: read<SigningResult>("signing"),
    sizes: read<SizeResult>("size"),
  };
}

const rowsOf = (r: ReturnType<typeof results>) => goalRows(r.stream, r.thread, r.signing, r.sizes);

describe("the README's goals", () => {
  it("lists the missed goals first, each with its reason", () => {
    const rows = rowsOf(results());
    const firstMet = rows.findIndex((row) => row.met);
    const missed = firstMet === -1 ? rows : rows.slice(0, firstMet);
    expect(rows.slice(missed.length).every((row) => row.met)).toBe(true);
    for (const row of missed) expect(row.because, row.id).toBe(MISSED_BECAUSE[row.id]);
  });

  it("checks the size goal against the bytes measured: AgentChat's JS and CSS together", () => {
    const r = results();
    const entry = (prefix: string) => r.sizes.entries.find((e) => e.name.startsWith(prefix))!;
    entry("<AgentChat> complete").sizeLimitGzipBytes = 15_000;
    entry("stylesheet").wholeGzipBytes = 5_001;
    expect(rowsOf(r).find((row) => row.id === "size-chat")).toMatchObject({ met: false });
    entry("stylesheet").wholeGzipBytes = 5_000;
    expect(rowsOf(r).find((row) => row.id === "size-chat")).toMatchObject({ met: true });
  });

  it("refuses to publish a missed goal without a reason", () => {
    const r = results();
    const ratios = r.thread.scenarios.thread!.ratios.openMs!["assistant-ui"]!;
    ratios.median = 0.9;
    expect(() => rowsOf(r)).toThrow(/thread-open is missed: say why/);
  });
});
