/**
 * `<AgentChat>` in the streaming bench, as an app uses it: the text codec and a URL provider
 * that returns the loopback agent's URL. The prompt goes in through the composer, as typed.
 */
import { useEffect, useRef } from "react";
import { AgentChat, textCodec, type UrlProvider } from "../../../src/index";
import { registerStreamApp, type PeerStreamSetup } from "./stream-harness";

/** Types `text` into the chat's composer and presses its Send button. */
function sendThroughComposer(root: HTMLElement, text: string): void {
  const textarea = root.querySelector("textarea");
  const form = textarea?.closest("form");
  if (!textarea || !form) throw new Error("no composer");
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
  setValue.call(textarea, text);
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
  form.requestSubmit();
}

function OursApp({
  setup,
  setSend,
}: {
  setup: PeerStreamSetup;
  setSend: (send: (text: string) => void) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const urlProvider: UrlProvider = async ({ sessionId }) => ({
    url: setup.url,
    sessionId,
    expiresAt: Date.now() + 300_000,
  });
  useEffect(() => {
    setSend((text) => sendThroughComposer(box.current!, text));
  }, [setSend]);
  return (
    <div ref={box} style={{ display: "flex", flex: 1, minHeight: 0 }}>
      {/* The default 20,000 shows the answer's beginning and "Show all": raised so the whole
          answer is on screen, as in the peers. */}
      <AgentChat urlProvider={urlProvider} codec={textCodec} maxDisplayChars={1_000_000} />
    </div>
  );
}

registerStreamApp({
  render: (setup, setSend) => <OursApp setup={setup} setSend={setSend} />,
});
