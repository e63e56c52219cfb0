import { connectionBannerKind } from "./connection-banner";
import { canQueueMessages } from "./internal/can-queue";
import { connectionSnapshot } from "./test-utils/scripted-chat";

describe("connectionBannerKind", () => {
  it.each([
    [{ status: "open" }, null],
    [{ status: "idle" }, null],
    [{ status: "connecting" }, "connecting"],
    [{ status: "connecting", attempt: 2 }, "unreachable"],
    [{ status: "connecting", attempt: 1, reason: "provider-failed" }, "provider-failed"],
    [{ status: "connecting", attempt: 1, reason: "provider-timeout" }, "provider-failed"],
    [{ status: "reconnecting", attempt: 3, reason: "provider-failed" }, "provider-failed"],
    [{ status: "connecting", attempt: 1, reason: "expired-url" }, "url-too-short"],
    [{ status: "connecting", attempt: 1, lastCloseCode: 1008 }, "credentials-expired"],
    [{ status: "reconnecting", attempt: 1, lastCloseCode: 1006 }, "reconnecting"],
    [{ status: "reconnecting", attempt: 1, lastCloseCode: 1008 }, "credentials-expired"],
    [{ status: "reconnecting", online: false }, "offline"],
    [{ status: "open", online: false }, "offline"],
    [{ status: "failed", online: false }, "failed"],
    [{ status: "closed" }, "closed"],
  ] as const)("%j -> %s", (patch, kind) => {
    expect(connectionBannerKind(connectionSnapshot(patch))).toBe(kind);
  });
});

describe("canQueueMessages", () => {
  it("queues unless closed or failed without a way to reopen", () => {
    for (const status of ["idle", "connecting", "open", "reconnecting"] as const) {
      expect(canQueueMessages(status, false)).toBe(true);
    }
    expect(canQueueMessages("failed", true)).toBe(true);
    expect(canQueueMessages("closed", true)).toBe(true);
    expect(canQueueMessages("failed", false)).toBe(false);
    expect(canQueueMessages("closed", false)).toBe(false);
  });
});
