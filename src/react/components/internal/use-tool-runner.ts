import { useEffect, useState } from "react";
import { ToolRunner, type ToolRunnerOptions } from "../../../store/tool-runner";
import type { ChatStore } from "../types";

/** The tool runner of a chat store, watching it while mounted, with the latest options. */
export function useToolRunner(
  store: ChatStore,
  { tools, toolApproval }: ToolRunnerOptions,
): ToolRunner {
  const [runner, setRunner] = useState(() => new ToolRunner(store));
  if (runner.chat !== store) setRunner(new ToolRunner(store));
  runner.options = { tools, toolApproval };
  useEffect(() => runner.start(), [runner]);
  return runner;
}
