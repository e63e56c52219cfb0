import { act, screen } from "@testing-library/react";
import { liveRegion, renderChat } from "./render-chat";

function banner(): HTMLElement | null {
  return document.querySelector(".acr-connection-banner");
}

describe("ConnectionBanner", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows nothing while the connection is open or idle", () => {
    const { chat } = renderChat();
    expect(banner()).toBeNull();
    act(() => chat.setConnection({ status: "idle" }));
    expect(banner()).toBeNull();
  });

  it("says it is connecting", () => {
    renderChat({ connection: { status: "connecting" } });
    expect(banner()).toHaveTextContent("Connecting…");
    expect(liveRegion()).toHaveTextContent("Connecting…");
  });

  it("says Connected. once the connection is up again, and nothing while it stays up", () => {
    const { chat } = renderChat({ connection: { status: "connecting" } });
    act(() => chat.setConnection({ status: "open" }));
    expect(banner()).toBeNull();
    expect(liveRegion()).toHaveTextContent(/^Connected\.$/);
    act(() => chat.setConnection({ status: "reconnecting", attempt: 1, lastCloseCode: 1006 }));
    expect(liveRegion()).toHaveTextContent("Connection lost. Reconnecting…");
    act(() => chat.setConnection({ status: "open", attempt: 0 }));
    expect(liveRegion()).toHaveTextContent(/^Connected\.$/);
  });

  it("says nothing about a connection that was up from the start", () => {
    renderChat();
    expect(liveRegion()).toHaveTextContent(/^$/);
  });

  it("counts down to the next reconnect, offers Retry now, and announces the state once", async () => {
    vi.useFakeTimers({
      now: 1_000_000,
      toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout", "Date"],
    });
    const { chat, user } = renderChat({
      connection: {
        status: "reconnecting",
        attempt: 2,
        nextRetryAt: 1_000_000 + 3_000,
        lastCloseCode: 1006,
      },
    });
    const region = liveRegion();
    expect(banner()).toHaveTextContent("Connection lost. Reconnecting in 3 s.");
    expect(region).toHaveTextContent("Connection lost. Reconnecting…");
    let changes = 0;
    const observer = new MutationObserver((records) => (changes += records.length));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    act(() => vi.advanceTimersByTime(1_000));
    expect(banner()).toHaveTextContent("Reconnecting in 2 s.");
    act(() => vi.advanceTimersByTime(1_000));
    expect(banner()).toHaveTextContent("Reconnecting in 1 s.");
    act(() => vi.advanceTimersByTime(1_000));
    expect(banner()).toHaveTextContent("Connection lost. Reconnecting…");
    changes += observer.takeRecords().length;
    observer.disconnect();
    expect(changes).toBe(0);
    vi.useRealTimers();
    await user.click(screen.getByRole("button", { name: "Retry now" }));
    expect(chat.calls.reconnect).toBe(1);
  });

  it("explains a reconnect after expired credentials (1008)", () => {
    renderChat({
      connection: { status: "reconnecting", attempt: 1, nextRetryAt: null, lastCloseCode: 1008 },
    });
    expect(banner()).toHaveTextContent("Credentials expired. Reconnecting with fresh ones…");
    expect(screen.getByRole("button", { name: "Retry now" })).toBeInTheDocument();
  });

  it("says the browser is offline", () => {
    renderChat({ connection: { status: "reconnecting", online: false } });
    expect(banner()).toHaveTextContent("You are offline");
    expect(screen.queryByRole("button", { name: "Retry now" })).not.toBeInTheDocument();
  });

  it("gives the reason of a failure and offers Reconnect", async () => {
    const { chat, user } = renderChat({
      connection: { status: "failed", reason: "not-opened" },
    });
    expect(banner()).toHaveTextContent(
      "Connection failed. The agent runtime refused the connection.",
    );
    expect(banner()).toHaveAttribute("data-tone", "error");
    await user.click(screen.getByRole("button", { name: "Reconnect" }));
    expect(chat.calls.reconnect).toBe(1);
  });

  it("falls back to the error message when the snapshot has no reason", () => {
    renderChat({ connection: { status: "failed", error: new Error("provider down") } });
    expect(banner()).toHaveTextContent("Connection failed. provider down");
  });

  it("offers no button when the controller cannot reconnect", () => {
    renderChat({ connection: { status: "failed" }, withoutReconnect: true });
    expect(banner()).toHaveTextContent("Connection failed.");
    expect(screen.queryByRole("button", { name: "Reconnect" })).not.toBeInTheDocument();
  });

  it("says the conversation is closed", () => {
    renderChat({ connection: { status: "closed" } });
    expect(banner()).toHaveTextContent("The conversation is closed.");
  });

  it("disappears once the connection opens", () => {
    const { chat } = renderChat({ connection: { status: "reconnecting", attempt: 1 } });
    expect(banner()).not.toBeNull();
    act(() => chat.setConnection({ status: "open", attempt: 0 }));
    expect(banner()).toBeNull();
  });
});
