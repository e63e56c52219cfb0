import { describe, expect, it } from "vitest";
import { createSimulatedNetwork } from "../../examples/src/simulated-network";
import type { OnlineSource } from "../../src/index";

function browserNetwork() {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  const source: OnlineSource = {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (value: boolean) => {
    online = value;
    for (const listener of listeners) listener(value);
  };
  return { source, set };
}

describe("createSimulatedNetwork", () => {
  it("is offline while the browser is, or while the demo simulates it, and reports each change once", () => {
    const browser = browserNetwork();
    const network = createSimulatedNetwork(browser.source);
    const seen: boolean[] = [];
    network.subscribe((online) => seen.push(online));

    expect(network.isOnline()).toBe(true);
    network.setSimulatedOffline(true);
    expect(network.isOnline()).toBe(false);
    expect(network.isSimulatingOffline()).toBe(true);
    browser.set(false); // still offline: no second report
    network.setSimulatedOffline(false); // the browser is still offline
    expect(network.isOnline()).toBe(false);
    browser.set(true);
    expect(network.isOnline()).toBe(true);
    expect(seen).toEqual([false, true]);
  });

  it("stops reporting to a listener that unsubscribed, and tells watchers about the toggle", () => {
    const network = createSimulatedNetwork(browserNetwork().source);
    const seen: boolean[] = [];
    let watched = 0;
    const stop = network.subscribe((online) => seen.push(online));
    network.watch(() => watched++);
    network.setSimulatedOffline(true);
    stop();
    network.setSimulatedOffline(false);
    expect(seen).toEqual([false]);
    expect(watched).toBe(2);
  });
});
