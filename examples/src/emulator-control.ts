import type { EmulatorEvent, FaultCommand } from "agentcore-react-emulator";

/**
 * Talks to the emulator's control endpoint (`/__emulator`) from the page: arm faults, read the
 * event log. The emulator answers loopback pages only.
 */
export class EmulatorControl {
  constructor(private readonly controlUrl: string) {}

  /** Applies fault commands in order; rejects with the emulator's message on a bad one. */
  async apply(commands: FaultCommand | readonly FaultCommand[]): Promise<void> {
    const response = await fetch(`${this.controlUrl}/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(commands),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      throw new Error(body.message ?? `The emulator answered ${response.status}`);
    }
  }

  /** Events with a `seq` above `after`, oldest first. */
  async events(after: number): Promise<EmulatorEvent[]> {
    const response = await fetch(`${this.controlUrl}/events?after=${after}`);
    if (!response.ok) throw new Error(`The emulator answered ${response.status}`);
    return ((await response.json()) as { events: EmulatorEvent[] }).events;
  }
}
