/**
 * Writes the connection's state table (generated from the reducer) into docs/architecture.md,
 * between its state-table markers. `npm test` checks that the page holds the current table.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { machineTableMarkdown } from "../src/connection/test-utils/machine-table";

export const ARCHITECTURE_PAGE = new URL("../docs/architecture.md", import.meta.url);
export const START = "<!-- state-table:start -->";
export const END = "<!-- state-table:end -->";

/** The page with its table replaced by the one generated from the reducer. */
export function withCurrentTable(page: string): string {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/architecture.md lacks ${START} ... ${END}`);
  return `${page.slice(0, start + START.length)}\n${machineTableMarkdown()}\n${page.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const page = readFileSync(ARCHITECTURE_PAGE, "utf8");
  writeFileSync(ARCHITECTURE_PAGE, withCurrentTable(page));
  console.log("docs/architecture.md: state table written");
}
