import { useState, useSyncExternalStore } from "react";
import type { FaultCommand } from "agentcore-react-emulator";
import type { EmulatorControl } from "./emulator-control";
import type { SimulatedNetwork } from "./simulated-network";

/** The conversation actions the panel drives. */
export interface PanelActions {
  reconnect(): void;
  connect(): void;
  close(): void;
}

interface FaultPanelProps {
  /** `null` in real-service mode: no faults to inject. */
  control: EmulatorControl | null;
  network: SimulatedNetwork;
  actions: PanelActions;
}

const REFUSAL_STATUSES = [
  { status: 429, label: "429 Too Many Requests" },
  { status: 403, label: "403 Forbidden" },
  { status: 409, label: "409 Conflict" },
] as const;

const SKEWS = [
  { ms: 0, label: "none" },
  { ms: 2 * 60_000, label: "+2 min (URLs live 2 min less)" },
  { ms: 10 * 60_000, label: "+10 min (every URL looks expired)" },
  { ms: -10 * 60_000, label: "−10 min (every URL looks signed in the future)" },
] as const;

/** Buttons that break things on purpose, so you can watch the connection recover. */
export function FaultPanel({ control, network, actions }: FaultPanelProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [refusals, setRefusals] = useState(3);
  const [refusalStatus, setRefusalStatus] = useState<number>(429);
  const [skew, setSkew] = useState(0);
  const offline = useSyncExternalStore(network.watch, network.isSimulatingOffline);

  const run = (commands: FaultCommand[], done: string) => {
    if (!control) return;
    control.apply(commands).then(
      () => setMessage(done),
      (error: unknown) =>
        setMessage(`Failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  const goOffline = () => {
    network.setSimulatedOffline(true);
    // The network is gone, so the stream dies too (a real outage does this on its own).
    if (control) run([{ action: "dropAll" }], "Offline (simulated): the stream was dropped.");
    else setMessage("Offline (simulated). The open stream stays until the network really fails.");
  };

  return (
    <section className="demo-card" aria-labelledby="demo-faults-title">
      <h2 id="demo-faults-title">Break things</h2>
      {control ? (
        <>
          <fieldset>
            <legend>The stream</legend>
            <button
              type="button"
              onClick={() =>
                run([{ action: "dropAll" }], "Dropped the stream (the browser sees 1006).")
              }
            >
              Drop connection
            </button>
            <button
              type="button"
              onClick={() =>
                run(
                  [{ action: "closeAll", code: 1011 }],
                  "Closed the stream with 1011 (server error).",
                )
              }
            >
              Close with 1011
            </button>
            <button
              type="button"
              onClick={() =>
                run(
                  [{ action: "closeAll", code: 1008 }],
                  "Closed the stream with 1008 (policy): the client fetches a fresh URL.",
                )
              }
            >
              Close with 1008
            </button>
          </fieldset>
          <fieldset>
            <legend>Upgrades</legend>
            <label>
              Refuse the next{" "}
              <input
                type="number"
                min={1}
                max={10}
                value={refusals}
                aria-label="How many upgrades to refuse"
                onChange={(event) =>
                  setRefusals(Math.min(10, Math.max(1, Number(event.target.value) || 1)))
                }
              />
            </label>{" "}
            <select
              aria-label="Refusal status"
              value={refusalStatus}
              onChange={(event) => setRefusalStatus(Number(event.target.value))}
            >
              {REFUSAL_STATUSES.map((option) => (
                <option key={option.status} value={option.status}>
                  {option.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() =>
                run(
                  [
                    { action: "refuseNext", count: refusals, status: refusalStatus },
                    { action: "dropAll" },
                  ],
                  `The next ${refusals} upgrades get ${refusalStatus}; the stream was dropped to make the client reconnect.`,
                )
              }
            >
              Refuse next upgrades
            </button>
          </fieldset>
          <fieldset>
            <legend>Presigned URLs</legend>
            <button
              type="button"
              onClick={() =>
                run(
                  [{ action: "expireIssuedBefore" }, { action: "closeAll", code: 1008 }],
                  "Every URL issued so far is now expired, and the stream was closed with 1008: the client needs a fresh URL.",
                )
              }
            >
              Expire issued URLs
            </button>
            <label>
              Emulator clock skew{" "}
              <select
                aria-label="Emulator clock skew"
                value={skew}
                onChange={(event) => setSkew(Number(event.target.value))}
              >
                {SKEWS.map((option) => (
                  <option key={option.ms} value={option.ms}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() =>
                run(
                  [{ action: "setClockSkew", ms: skew }],
                  `The emulator clock now runs ${skew / 60_000} min off. It matters at the next upgrade: drop the connection to see it.`,
                )
              }
            >
              Apply clock skew
            </button>
          </fieldset>
        </>
      ) : (
        <p>
          Fault injection needs the local emulator; against the real service you can still go
          offline and reconnect.
        </p>
      )}
      <fieldset>
        <legend>Network</legend>
        {offline ? (
          <button
            type="button"
            onClick={() => {
              network.setSimulatedOffline(false);
              setMessage("Back online.");
            }}
          >
            Back online
          </button>
        ) : (
          <button type="button" onClick={goOffline}>
            Go offline
          </button>
        )}
        <p className="demo-hint">Or use DevTools → Network → Offline for the real thing.</p>
      </fieldset>
      <fieldset>
        <legend>Conversation</legend>
        <button type="button" onClick={actions.reconnect}>
          Reconnect now
        </button>
        <button type="button" onClick={actions.close}>
          Close conversation
        </button>
        <button type="button" onClick={actions.connect}>
          Connect
        </button>
        {control && (
          <button
            type="button"
            onClick={() => {
              setSkew(0);
              run([{ action: "reset" }], "Every fault was cleared.");
            }}
          >
            Reset faults
          </button>
        )}
      </fieldset>
      <p role="status" className="demo-hint" data-testid="fault-status">
        {message}
      </p>
    </section>
  );
}
