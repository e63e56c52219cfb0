import { useLayoutEffect, useRef } from "react";
import type { DemoConfig } from "./demo-config";
import { arnResource, LongId } from "./long-id";
import { settingsSearch, URL_TTL_CHOICES, type DemoSettings } from "./settings";

/** Title, where the agent runs, and the per-page choices (each starts a new conversation). */
export function SettingsBar({ config, settings }: { config: DemoConfig; settings: DemoSettings }) {
  const navigate = (next: DemoSettings) => {
    window.location.search = settingsSearch(next);
  };
  const header = useHeaderHeight();
  return (
    <header className="demo-header" ref={header}>
      <div className="demo-brand">
        <span className="demo-logo" aria-hidden="true" />
        <h1>
          agentcore-react <span className="demo-badge">demo</span>
        </h1>
      </div>
      <p className="demo-mode" data-testid="mode" data-mode={config.mode}>
        <span className="demo-chip" data-mode={config.mode}>
          {config.mode === "emulator" ? "Local emulator" : `AWS ${config.region}`}
        </span>
        {config.voice && (
          <span
            className="demo-chip"
            data-testid="voice-mode"
            title="The agent hears the microphone and answers with speech: press the microphone in the composer"
          >
            Voice mode
          </span>
        )}
        {config.delivery && (
          <span
            className="demo-chip"
            data-testid="delivery"
            title="The agent and the page speak the delivery protocol: answers survive a dropped stream"
          >
            Delivery on
          </span>
        )}
        {config.delivery && (
          <span
            className="demo-chip"
            data-testid="persist"
            title="The conversation is kept in IndexedDB: reload the page mid-answer and it carries on"
          >
            Kept across reloads
          </span>
        )}
        <LongId
          value={config.runtimeArn}
          label="runtime ARN"
          keep={arnResource(config.runtimeArn)}
        />
      </p>
      <div className="demo-settings">
        <label className="demo-field">
          <span className="demo-field__label">Auth</span>
          <select
            value={settings.auth}
            onChange={(event) =>
              navigate({ ...settings, auth: event.target.value as DemoSettings["auth"] })
            }
          >
            <option value="presigned">Presigned URL from the backend</option>
            {config.emulator && <option value="bearer">OAuth bearer (subprotocol)</option>}
          </select>
        </label>
        <label className="demo-field">
          <span className="demo-field__label">URL lifetime</span>
          <select
            value={settings.urlTtlSeconds ?? 300}
            disabled={settings.auth === "bearer"}
            onChange={(event) => {
              const ttl = Number(event.target.value);
              navigate({ ...settings, urlTtlSeconds: ttl === 300 ? null : ttl });
            }}
          >
            {URL_TTL_CHOICES.map((ttl) => (
              <option key={ttl} value={ttl}>
                {ttl} s
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

/**
 * Keeps `--demo-header-height` at the header's height: on a phone the chat fills the screen
 * below it, and the header grows a line when its chips wrap (voice, delivery).
 */
function useHeaderHeight() {
  const header = useRef<HTMLElement>(null);
  // A layout effect: measured before the chat's autofocus scrolls the composer into view.
  useLayoutEffect(() => {
    const element = header.current;
    if (!element) return;
    const root = document.documentElement;
    const measure = () =>
      root.style.setProperty("--demo-header-height", `${element.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--demo-header-height");
    };
  }, []);
  return header;
}
