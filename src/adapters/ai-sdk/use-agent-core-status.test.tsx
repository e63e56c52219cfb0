import { act, renderHook } from "@testing-library/react";
import { FakeConnection } from "../../store/test-utils/fake-connection";
import { useAgentCoreStatus } from "./use-agent-core-status";

describe("useAgentCoreStatus", () => {
  it("follows the connection's snapshot and unsubscribes on unmount", () => {
    const connection = new FakeConnection();
    const { result, unmount } = renderHook(() => useAgentCoreStatus(connection));
    expect(result.current.status).toBe("idle");
    act(() => connection.open());
    expect(result.current.status).toBe("open");
    act(() => connection.drop());
    expect(result.current).toMatchObject({ status: "reconnecting", reason: "connection-lost" });
    unmount();
    expect(connection.listenerCount).toBe(0);
  });
});
