import { useEffect, useState } from "react";
import type { EmulatorEvent } from "agentcore-react-emulator";
import type { EmulatorControl } from "./emulator-control";

const KEEP = 40;

/** The emulator's latest upgrade and close events, polled every `intervalMs`. */
export function useEmulatorEvents(control: EmulatorControl | null, intervalMs = 1000) {
  const [events, setEvents] = useState<readonly EmulatorEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!control) return;
    let after = 0;
    let stopped = false;
    const poll = async () => {
      try {
        const fresh = await control.events(after);
        if (stopped) return;
        setError(null);
        if (fresh.length === 0) return;
        after = fresh.at(-1)?.seq ?? after;
        setEvents((previous) => [...previous, ...fresh].slice(-KEEP));
      } catch {
        if (!stopped) setError("The emulator does not answer.");
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [control, intervalMs]);
  return { events, error };
}
