import { EventEmitter } from "node:events";
import { DeliveryAgent } from "../delivery-agent";
import type { DeliveryAgentOptions } from "../options";
import type { DeliveredMessage } from "../stream-handlers";

/** What a fake socket saw: the frames the agent sent, and how the agent closed it. */
interface Recorded {
  readonly sent: string[];
  closedWith: { code: number; reason: string } | undefined;
}

/** A standard (EventTarget) server-side socket, driven by the test. */
export class FakeSocket extends EventTarget implements Recorded {
  readonly sent: string[] = [];
  closedWith: { code: number; reason: string } | undefined;

  send(data: string): void {
    if (this.closedWith) throw new Error("send after close");
    this.sent.push(data);
  }

  close(code = 1005, reason = ""): void {
    this.closedWith ??= { code, reason };
    this.dispatchEvent(new Event("close"));
  }

  /** The client sends a text frame. */
  receive(text: string): void {
    this.dispatchEvent(new MessageEvent("message", { data: text }));
  }

  /** The stream drops without a close handshake. */
  drop(): void {
    this.dispatchEvent(new Event("close"));
  }

  /** Takes the frames sent so far. */
  take(): string[] {
    return this.sent.splice(0);
  }
}

/** A `ws`-style (EventEmitter) server-side socket, driven by the test. */
export class FakeWsSocket extends EventEmitter implements Recorded {
  readonly sent: string[] = [];
  closedWith: { code: number; reason: string } | undefined;

  send(data: string): void {
    this.sent.push(data);
  }

  close(code = 1005, reason = ""): void {
    this.closedWith ??= { code, reason };
    this.emit("close", code, Buffer.from(reason));
  }

  receive(text: string | Buffer, isBinary = false): void {
    this.emit("message", typeof text === "string" ? Buffer.from(text) : text, isBinary);
  }

  take(): string[] {
    return this.sent.splice(0);
  }
}

/** A fake clock the agent reads through its `now` option. */
export function fakeClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

export const SESSION = "session-0123456789-0123456789-0123456789";

/** An agent whose app echoes `echo:<payload>` and records what it was handed. */
export function echoAgent(options: DeliveryAgentOptions = {}) {
  const agent = new DeliveryAgent(options);
  const handed: string[] = [];
  const onMessage = (payload: string, { session }: DeliveredMessage) => {
    handed.push(payload);
    session.send(`echo:${payload}`);
  };
  /** Attaches a new fake socket and resumes it with `resume` (unless `null`). */
  const open = (resume: string | null = "@resume - 0") => {
    const socket = new FakeSocket();
    const session = agent.attach(SESSION, socket, { onMessage });
    if (resume !== null) socket.receive(resume);
    return { socket, session };
  };
  return { agent, handed, open };
}

/** The epoch in a `@hello <epoch> <seq>` frame. */
export function epochOf(hello: string | undefined): string {
  const match = /^@hello ([A-Za-z0-9]{4,32}) \d+$/.exec(hello ?? "");
  if (!match?.[1]) throw new Error(`not a hello: ${String(hello)}`);
  return match[1];
}
