import { httpUrl } from "../core/http-url";
import { isRecord } from "../core/option-checks";
import type { AgentSource } from "./types";

/** Most sources one event (and one message) holds; more are dropped. */
export const MAX_SOURCES = 20;
/** Longest URL kept; a source with a longer one is dropped (a cut URL would lead elsewhere). */
export const MAX_SOURCE_URL = 2048;
/** Longest `id`, `title` and `snippet` (UTF-16 code units); longer ones are cut. */
export const MAX_SOURCE_TEXT = 500;

/**
 * The valid sources of a list the agent sent: objects with an absolute http(s) `url`, with
 * their `id`, `title` and `snippet` when these are strings that are not blank (trimmed, cut
 * to {@link MAX_SOURCE_TEXT}); at most {@link MAX_SOURCES}. Anything else is dropped; `[]`
 * when `list` is not an array. Never throws.
 */
export function readSources(list: unknown): AgentSource[] {
  const sources: AgentSource[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const url = isRecord(item) && httpUrl(item.url);
    if (!url || url.href.length > MAX_SOURCE_URL) continue;
    const source: AgentSource = { url: url.href };
    for (const key of ["id", "title", "snippet"] as const) {
      const value = item[key];
      const text = typeof value === "string" ? value.trim() : "";
      if (text) source[key] = text.slice(0, MAX_SOURCE_TEXT);
    }
    if (sources.push(source) === MAX_SOURCES) break;
  }
  return sources;
}
