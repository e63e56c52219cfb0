import { seconds } from "./format";
import { LongId } from "./long-id";
import type { ConnectionSnapshot } from "./lib";
import { useNow } from "./use-now";

/** A live view of the connection snapshot: what the library knows and is about to do. */
export function ConnectionPanel({ snapshot }: { snapshot: ConnectionSnapshot<unknown> }) {
  const now = useNow(snapshot.nextRetryAt !== null);
  const outbox = { queued: 0, sent: 0, failed: 0 };
  for (const entry of snapshot.outbox) outbox[entry.status] += 1;
  return (
    <section
      className="demo-card"
      aria-labelledby="demo-connection-title"
      data-testid="connection"
      data-status={snapshot.status}
      data-attempt={snapshot.attempt}
      data-session-id={snapshot.sessionId}
      data-online={snapshot.online}
    >
      <h2 id="demo-connection-title">Connection</h2>
      <dl className="demo-facts">
        <dt>Status</dt>
        <dd>
          <span className={`demo-status demo-status--${snapshot.status}`}>{snapshot.status}</span>
        </dd>
        <dt>Session</dt>
        <dd>
          <LongId
            value={snapshot.sessionId}
            label="session id"
            keep={snapshot.sessionId.slice(-8)}
          />
        </dd>
        <dt>Attempt</dt>
        <dd>{snapshot.attempt}</dd>
        <dt>Next retry</dt>
        <dd>{snapshot.nextRetryAt === null ? "—" : `in ${seconds(snapshot.nextRetryAt - now)}`}</dd>
        <dt>Last close</dt>
        <dd>{snapshot.lastCloseCode ?? "—"}</dd>
        <dt>Network</dt>
        <dd>{snapshot.online ? "online" : "offline"}</dd>
        <dt>Outbox</dt>
        <dd>
          {outbox.queued} queued · {outbox.sent} sent · {outbox.failed} failed
        </dd>
        <dt>Why</dt>
        <dd className="demo-reason">{snapshot.reason ?? "—"}</dd>
      </dl>
    </section>
  );
}
