import type { DemoConfig } from "./demo-config";
import { settingsSearch, URL_TTL_CHOICES, type DemoSettings } from "./settings";

/** Title, where the agent runs, and the per-page choices (each starts a new conversation). */
export function SettingsBar({ config, settings }: { config: DemoConfig; settings: DemoSettings }) {
  const navigate = (next: DemoSettings) => {
    window.location.search = settingsSearch(next);
  };
  return (
    <header className="demo-header">
      <h1>agentcore-react demo</h1>
      <p className="demo-mode" data-testid="mode" data-mode={config.mode}>
        {config.mode === "emulator" ? "Local emulator" : `AWS ${config.region}`} ·{" "}
        <code>{config.runtimeArn}</code>
      </p>
      <label>
        Auth{" "}
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
      <label>
        URL lifetime{" "}
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
    </header>
  );
}
