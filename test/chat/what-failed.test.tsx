import { render, waitFor } from "@testing-library/react";
import { AgentChat, backendUrlProvider } from "../../src/index";
import { renderChat } from "./render-chat";

/** The banner says what actually failed, and never "Connection lost" when nothing connected. */

function banner(): HTMLElement | null {
  return document.querySelector(".acr-connection-banner");
}

describe("the banner when the chat could not connect", () => {
  it("names the presign endpoint and its status when the backend refuses (a real backendUrlProvider)", async () => {
    const fetch = async () => new Response("Not Found", { status: 404 });
    const urlProvider = backendUrlProvider({ endpoint: "/api/agent-url", fetch });
    render(<AgentChat urlProvider={urlProvider} retry={{ initialDelayMs: 60_000 }} />);
    await waitFor(() =>
      expect(banner()).toHaveTextContent(
        /^Couldn't get a connection URL from \/api\/agent-url \(404\)\. Retrying in \d+ s\./,
      ),
    );
    expect(banner()).not.toHaveTextContent("Connection lost");
    expect(banner()).toHaveAttribute("data-kind", "provider-failed");
  });

  it("says the agent cannot be reached while a first connection keeps failing", () => {
    renderChat({
      connection: { status: "connecting", attempt: 2, reason: "not-opened", lastCloseCode: 1006 },
    });
    expect(banner()).toHaveTextContent("Can't reach the agent. Retrying…");
    expect(banner()).not.toHaveTextContent("Connection lost");
  });

  it("says when the provider's URLs expire too soon to be used", () => {
    renderChat({ connection: { status: "connecting", attempt: 1, reason: "expired-url" } });
    expect(banner()).toHaveTextContent("The connection URLs expire too soon to be used. Retrying…");
  });

  it("still says the connection was lost once a stream had been open", () => {
    renderChat({ connection: { status: "reconnecting", attempt: 1, reason: "connection-lost" } });
    expect(banner()).toHaveTextContent("Connection lost. Reconnecting…");
  });
});
