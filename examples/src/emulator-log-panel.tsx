import type { EmulatorEvent } from "agentcore-react-emulator";
import type { EmulatorControl } from "./emulator-control";
import { clockTime } from "./format";
import { useEmulatorEvents } from "./use-emulator-events";

function describe(event: EmulatorEvent): string {
  if (event.type === "close") return `stream closed ${event.code} (${event.cause})`;
  const parts = [
    event.outcome === "accepted" ? "upgrade accepted" : `upgrade refused ${event.status}`,
    event.auth,
  ];
  if (event.code) parts.push(event.code);
  if (event.signedAt !== undefined) parts.push(`URL signed ${clockTime(event.signedAt)}`);
  if (event.expiresAt !== undefined) parts.push(`expires ${clockTime(event.expiresAt)}`);
  return parts.join(" · ");
}

/** What the emulator saw: every upgrade attempt (with the URL's signing time) and every close. */
export function EmulatorLogPanel({
  control,
  sessionId,
}: {
  control: EmulatorControl;
  sessionId: string;
}) {
  const { events, error } = useEmulatorEvents(control);
  return (
    <section className="demo-card" aria-labelledby="demo-emulator-log-title">
      <h2 id="demo-emulator-log-title">Emulator log</h2>
      {error && <p className="demo-error">{error}</p>}
      <ol className="demo-log" data-testid="emulator-log" reversed>
        {[...events].reverse().map((event) => (
          <li
            key={event.seq}
            className={
              event.sessionId !== undefined && event.sessionId !== sessionId
                ? "demo-log__other"
                : undefined
            }
            data-type={event.type}
            data-outcome={event.type === "upgrade" ? event.outcome : undefined}
          >
            <time>{clockTime(event.at)}</time> {describe(event)}
          </li>
        ))}
      </ol>
    </section>
  );
}
