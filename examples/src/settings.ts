import type { DemoConfig } from "./demo-config";

/** Per-page choices, kept in the query string so a reload (or a test) can pick them. */
export interface DemoSettings {
  /** `presigned`: the backend signs URLs. `bearer`: an OAuth token in the subprotocol (emulator only). */
  auth: "presigned" | "bearer";
  /** Ask the backend for URLs that live this long (1-300 s), or `null` for its default (300 s). */
  urlTtlSeconds: number | null;
}

/** URL lifetimes the panel offers. */
export const URL_TTL_CHOICES = [300, 60, 15] as const;

/** Reads `?auth=bearer&ttl=15` style settings; anything unknown falls back to the defaults. */
export function readSettings(search: string, config: DemoConfig): DemoSettings {
  const params = new URLSearchParams(search);
  const auth = params.get("auth") === "bearer" && config.emulator ? "bearer" : "presigned";
  const ttl = Number(params.get("ttl"));
  const urlTtlSeconds = Number.isInteger(ttl) && ttl >= 1 && ttl <= 300 ? ttl : null;
  return { auth, urlTtlSeconds };
}

/** The query string for `settings` (what the selectors navigate to). */
export function settingsSearch(settings: DemoSettings): string {
  const params = new URLSearchParams();
  if (settings.auth === "bearer") params.set("auth", "bearer");
  if (settings.urlTtlSeconds !== null) params.set("ttl", String(settings.urlTtlSeconds));
  const text = params.toString();
  return text ? `?${text}` : "";
}
