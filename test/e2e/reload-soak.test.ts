import { fileURLToPath } from "node:url";
import { RELOAD_FAULTS, type ReloadFault } from "../../bench/soak-reload/reload-cycle";
import type { ReloadSoakReport } from "../../bench/soak-reload/reload-report";
import { runReloadSoak } from "../../bench/soak-reload/run-reload-soak";

/**
 * A short reload soak (`npm run soak:reload` runs the long one): the delivery demo with
 * `persist` on in Chromium; each cycle asks a question and reloads the page mid-answer or right
 * after Send, or drops the stream, or both. Every answer must come whole and once (the agent's
 * turn counter proves each question reached it once), and every question must stay on screen.
 */
const CYCLES = 12;
const SEED = 7;

let report: ReloadSoakReport;

beforeAll(async () => {
  report = await runReloadSoak({
    cycles: CYCLES,
    seed: SEED,
    pieceMs: 8,
    viteCacheDir: fileURLToPath(new URL("../../node_modules/.vite/e2e", import.meta.url)),
  });
}, 600_000);

const context = () => `\n${JSON.stringify(report, null, 2)}`;

describe(`reload soak: ${CYCLES} cycles in Chromium`, () => {
  it("injects every kind of fault", () => {
    for (const fault of Object.keys(RELOAD_FAULTS) as ReloadFault[]) {
      expect(report.faults[fault], `${fault}${context()}`).toBeGreaterThan(0);
    }
  });

  it("brings every answer whole and once, and shows every question once, in order", () => {
    expect(report.verdicts, context()).toEqual({ whole: CYCLES });
    expect(report.questionsNotShownOnce, context()).toBe(0);
    expect(report.finalConversation, context()).toEqual({ shown: CYCLES, inOrderOnce: true });
  });
});
