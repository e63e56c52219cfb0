import { cpus, loadavg } from "node:os";
import { round, summarize } from "./stats";

/** How busy the machine was while a benchmark ran (1-minute load average, sampled). */
export interface LoadReport {
  cores: number;
  /** `os.loadavg()` (1, 5, 15 min) when the benchmark started and when it ended. */
  atStart: number[];
  atEnd: number[];
  /** The 1-minute load average sampled every `everyMs` during the run. */
  oneMinute: ReturnType<typeof summarize>;
  everyMs: number;
}

/** Samples the load average until `stop()`; a load above `cores` means work was waiting for a CPU. */
export function sampleLoad(everyMs = 5_000): { stop(): LoadReport } {
  const atStart = loadavg().map((value) => round(value));
  const samples = [loadavg()[0]!];
  const timer = setInterval(() => samples.push(loadavg()[0]!), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadavg()[0]!);
      return {
        cores: cpus().length,
        atStart,
        atEnd: loadavg().map((value) => round(value)),
        oneMinute: summarize(samples),
        everyMs,
      };
    },
  };
}
