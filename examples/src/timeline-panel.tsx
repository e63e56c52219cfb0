import { useSyncExternalStore } from "react";
import type { ConnectionTimeline } from "./connection-timeline";
import { clockTime, seconds } from "./format";

/** Every state change of the connection, newest first. */
export function TimelinePanel({ timeline }: { timeline: ConnectionTimeline }) {
  const entries = useSyncExternalStore(timeline.subscribe, timeline.getEntries);
  return (
    <section className="demo-card" aria-labelledby="demo-timeline-title">
      <h2 id="demo-timeline-title">Timeline</h2>
      <ol className="demo-log" data-testid="timeline" reversed>
        {[...entries].reverse().map((entry) => (
          <li
            key={entry.seq}
            data-status={entry.status}
            data-attempt={entry.attempt}
            data-retry-ms={entry.nextRetryAt === null ? undefined : entry.nextRetryAt - entry.at}
            data-online={entry.online}
          >
            <time>{clockTime(entry.at)}</time> <strong>{entry.status}</strong>
            {entry.attempt > 0 && ` · attempt ${entry.attempt}`}
            {entry.nextRetryAt !== null && ` · retry in ${seconds(entry.nextRetryAt - entry.at)}`}
            {entry.nextRetryAt === null &&
              entry.online &&
              (entry.status === "reconnecting" || entry.status === "connecting") &&
              " · trying now"}
            {entry.lastCloseCode !== null && ` · close ${entry.lastCloseCode}`}
            {!entry.online && " · offline"}
            {entry.reason && <span className="demo-reason"> — {entry.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
