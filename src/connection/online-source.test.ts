// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { navigatorOnlineSource } from "./online-source";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("navigatorOnlineSource (in a browser-like window)", () => {
  it("reads navigator.onLine", () => {
    const onLine = vi.spyOn(window.navigator, "onLine", "get");
    onLine.mockReturnValue(false);
    expect(navigatorOnlineSource.isOnline()).toBe(false);
    onLine.mockReturnValue(true);
    expect(navigatorOnlineSource.isOnline()).toBe(true);
  });

  it("reports online/offline window events until unsubscribed", () => {
    const seen: boolean[] = [];
    const unsubscribe = navigatorOnlineSource.subscribe((online) => seen.push(online));
    window.dispatchEvent(new Event("offline"));
    window.dispatchEvent(new Event("online"));
    unsubscribe();
    window.dispatchEvent(new Event("offline"));
    expect(seen).toEqual([false, true]);
  });
});
