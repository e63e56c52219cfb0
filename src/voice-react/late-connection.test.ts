import type { AgentEvent } from "../codecs/types";
import { lateConnection } from "./late-connection";

/** A connection that records its listeners and can emit to them. */
function fakeConnection() {
  const listeners = new Set<(event: AgentEvent) => void>();
  return {
    listeners,
    emit: (event: AgentEvent) => listeners.forEach((listener) => listener(event)),
    onEvent(listener: (event: AgentEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const event: AgentEvent = { type: "custom", name: "voice.test", value: 1 };

describe("lateConnection", () => {
  it("attaches a listener added before the connection exists when it arrives", () => {
    const late = lateConnection();
    const heard: AgentEvent[] = [];
    late.onEvent((e) => heard.push(e));
    const connection = fakeConnection();
    late.use(connection);
    connection.emit(event);
    expect(heard).toEqual([event]);
  });

  it("moves its listeners to a new connection and leaves the old one", () => {
    const late = lateConnection();
    const first = fakeConnection();
    const second = fakeConnection();
    late.use(first);
    const heard: AgentEvent[] = [];
    late.onEvent((e) => heard.push(e));
    late.use(second);
    expect(first.listeners.size).toBe(0);
    first.emit(event);
    second.emit(event);
    expect(heard).toEqual([event]);
  });

  it("detaches on unsubscribe, from the connection and from later ones", () => {
    const late = lateConnection();
    const first = fakeConnection();
    late.use(first);
    const off = late.onEvent(() => undefined);
    off();
    expect(first.listeners.size).toBe(0);
    const second = fakeConnection();
    late.use(second);
    expect(second.listeners.size).toBe(0);
  });

  it("keeps listeners while it points at no connection, and gives the same one twice two subscriptions", () => {
    const late = lateConnection();
    const connection = fakeConnection();
    const heard: AgentEvent[] = [];
    const listener = (e: AgentEvent) => heard.push(e);
    late.onEvent(listener);
    late.onEvent(listener);
    late.use(connection);
    late.use(null);
    expect(connection.listeners.size).toBe(0);
    late.use(connection);
    connection.emit(event);
    expect(heard).toEqual([event, event]);
  });
});
