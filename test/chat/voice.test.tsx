import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { AgentVoice } from "../../src/voice";
import { binaryPcmCodec } from "../../src/voice";
import { AgentChat, type ChatVoice } from "../../src/index";
import { createMockVoice, type MockVoice } from "../../src/react/components/test-utils/mock-voice";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
import { liveRegion, renderChat } from "./render-chat";

function renderVoiceChat(voice: MockVoice, labels?: Record<string, unknown>) {
  return renderChat({ props: { voice, ...(labels ? { labels } : {}) } });
}

/** The microphone button, once its lazily loaded module has rendered it. */
function micButton(): Promise<HTMLElement> {
  return screen.findByRole("button", { name: "Voice conversation" });
}

function panel(): HTMLElement {
  return screen.getByRole("group", { name: "Voice conversation controls" });
}

describe("<AgentChat voice>", () => {
  it("has no microphone button without a voice", () => {
    renderChat();
    expect(screen.getByRole("button", { name: "Send" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Voice conversation" })).toBeNull();
    expect(document.querySelector(".acr-composer__voice-placeholder")).toBeNull();
  });

  it("loads the controls lazily: a placeholder holds the button's place until then", async () => {
    renderVoiceChat(createMockVoice());
    // The first render suspends on the controls' module.
    expect(document.querySelector(".acr-composer__voice-placeholder")).not.toBeNull();
    const button = await micButton();
    expect(document.querySelector(".acr-composer__voice-placeholder")).toBeNull();
    // After Send, in the composer's buttons.
    expect(button.previousElementSibling).toBe(screen.getByRole("button", { name: "Send" }));
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(screen.queryByRole("group", { name: "Voice conversation controls" })).toBeNull();
  });

  it("starts and stops the call from the microphone button, and says so", async () => {
    const voice = createMockVoice();
    const { user } = renderVoiceChat(voice);
    await user.click(await micButton());
    expect(voice.calls.start).toBe(1);
    await waitFor(() => expect(within(panel()).getByText("Listening…")).toBeVisible());
    expect(await micButton()).toHaveAttribute("aria-pressed", "true");
    expect(liveRegion()).toHaveTextContent("Listening…");

    await user.click(await micButton());
    expect(voice.calls.stop).toBe(1);
    expect(await micButton()).toHaveAttribute("aria-pressed", "false");
    expect(screen.queryByRole("group", { name: "Voice conversation controls" })).toBeNull();
    expect(liveRegion()).toHaveTextContent("Voice conversation ended");
  });

  it("says it is connecting the microphone while the browser asks", async () => {
    const voice = createMockVoice({ outcome: "pending" });
    const { user } = renderVoiceChat(voice);
    await user.click(await micButton());
    expect(within(panel()).getByText("Connecting microphone…")).toBeVisible();
    expect(within(panel()).getByRole("button", { name: "Mute" })).toBeDisabled();
    expect(liveRegion()).toHaveTextContent("Connecting microphone…");
  });

  it("mutes and unmutes with a toggle", async () => {
    const voice = createMockVoice({ state: "listening" });
    const { user } = renderVoiceChat(voice);
    await micButton();
    const mute = within(panel()).getByRole("button", { name: "Mute" });
    expect(mute).toHaveAttribute("aria-pressed", "false");
    await user.click(mute);
    expect(voice.calls.mute).toBe(1);
    expect(mute).toHaveAttribute("aria-pressed", "true");
    expect(within(panel()).getByText("Muted")).toBeVisible();
    expect(liveRegion()).toHaveTextContent("Muted");
    await user.click(mute);
    expect(voice.calls.unmute).toBe(1);
    expect(mute).toHaveAttribute("aria-pressed", "false");
    expect(within(panel()).getByText("Listening…")).toBeVisible();
  });

  it("offers Interrupt while the agent speaks, and keeps focus in the call afterwards", async () => {
    const voice = createMockVoice({ state: "listening" });
    const { user } = renderVoiceChat(voice);
    await micButton();
    expect(within(panel()).queryByRole("button", { name: "Interrupt" })).toBeNull();
    act(() => voice.set({ state: "agent-speaking" }));
    expect(within(panel()).getByText("Agent speaking")).toBeVisible();
    expect(liveRegion()).toHaveTextContent("Agent speaking");
    await user.click(within(panel()).getByRole("button", { name: "Interrupt" }));
    expect(voice.calls.interrupt).toBe(1);
    expect(within(panel()).queryByRole("button", { name: "Interrupt" })).toBeNull();
    expect(within(panel()).getByRole("button", { name: "Mute" })).toHaveFocus();
  });

  it.each([
    ["permission-denied", "Microphone access was denied. Allow the microphone for this site."],
    ["no-device", "No microphone was found. Connect one, then try again."],
    ["device-lost", "The microphone was disconnected during the call."],
  ])("shows a %s failure with Retry, which starts the call again", async (code, message) => {
    const voice = createMockVoice({ outcome: { code, message } });
    const { user } = renderVoiceChat(voice);
    await user.click(await micButton());
    await waitFor(() => expect(within(panel()).getByText(message)).toBeVisible());
    expect(liveRegion()).toHaveTextContent(message);
    expect(await micButton()).toHaveAttribute("aria-pressed", "false");
    voice.outcome = "listening";
    await user.click(within(panel()).getByRole("button", { name: "Retry" }));
    expect(voice.calls.start).toBe(2);
    await waitFor(() => expect(within(panel()).getByText("Listening…")).toBeVisible());
  });

  it("says a failure in the chat's words when the labels give them", async () => {
    const voice = createMockVoice({
      state: "failed",
      error: { code: "no-device", message: "No microphone was found." },
    });
    renderVoiceChat(voice, {
      voice: "Sprachmodus",
      voiceError: (code: string) => (code === "no-device" ? "Kein Mikrofon gefunden." : code),
    });
    await screen.findByRole("button", { name: "Sprachmodus" });
    expect(within(panel()).getByText("Kein Mikrofon gefunden.")).toBeVisible();
  });

  describe("push-to-talk", () => {
    function renderPushToTalk(state: "listening" | "agent-speaking" = "listening") {
      const voice = createMockVoice({ state, mode: "push-to-talk" });
      const rendered = renderVoiceChat(voice);
      return { voice, ...rendered };
    }

    it("talks while Space is held on the button, once per press", async () => {
      const { voice } = renderPushToTalk();
      await micButton();
      const talk = within(panel()).getByRole("button", { name: "Hold to talk" });
      expect(within(panel()).getByText("Hold to talk", { selector: "p" })).toBeVisible();
      fireEvent.keyDown(talk, { key: " ", code: "Space" });
      fireEvent.keyDown(talk, { key: " ", code: "Space", repeat: true });
      expect(voice.calls.press).toBe(1);
      expect(talk).toHaveAttribute("aria-pressed", "true");
      expect(within(panel()).getByText("Listening while you hold…")).toBeVisible();
      fireEvent.keyUp(talk, { key: " ", code: "Space" });
      expect(voice.calls.release).toBe(1);
      expect(talk).toHaveAttribute("aria-pressed", "false");
      // Other keys do nothing.
      fireEvent.keyDown(talk, { key: "Enter", code: "Enter" });
      expect(voice.calls.press).toBe(1);
    });

    it("talks from pointer down to pointer up, and lets go when focus leaves", async () => {
      const { voice } = renderPushToTalk();
      await micButton();
      const talk = within(panel()).getByRole("button", { name: "Hold to talk" });
      fireEvent.pointerDown(talk, { button: 0, pointerId: 1 });
      expect(voice.calls.press).toBe(1);
      fireEvent.pointerUp(talk, { button: 0, pointerId: 1 });
      expect(voice.calls.release).toBe(1);
      fireEvent.pointerDown(talk, { button: 0, pointerId: 1 });
      fireEvent.blur(talk);
      expect(voice.calls.release).toBe(2);
      // A right click is not a press.
      fireEvent.pointerDown(talk, { button: 2, pointerId: 1 });
      expect(voice.calls.press).toBe(2);
    });

    it("moves focus to the talk button after Interrupt", async () => {
      const { user } = renderPushToTalk("agent-speaking");
      await micButton();
      await user.click(within(panel()).getByRole("button", { name: "Interrupt" }));
      expect(within(panel()).getByRole("button", { name: "Hold to talk" })).toHaveFocus();
    });
  });

  it("drives the meter through --acr-voice-level, once per animation frame", async () => {
    const voice = createMockVoice({ state: "listening", level: 0.25 });
    renderVoiceChat(voice);
    await micButton();
    await waitFor(() => expect(panel().style.getPropertyValue("--acr-voice-level")).toBe("0.8"));
    voice.level = 0;
    await waitFor(() => expect(panel().style.getPropertyValue("--acr-voice-level")).toBe("0"));
    act(() => voice.mute());
    voice.level = 0.25;
    // Muted: the meter stands still at zero.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(panel().style.getPropertyValue("--acr-voice-level")).toBe("0");
  });

  it("shows transcripts as messages, and the partial one as a caption updated in place", async () => {
    const codec = binaryPcmCodec();
    const connection = new FakeConnection({ codec });
    const store = createConversationStore({ connection });
    connection.open();
    const voice = createMockVoice({ state: "listening" });
    render(<AgentChat chat={store} voice={voice} />);
    await micButton();
    const frame = (role: string, text: string, final: boolean) =>
      act(async () =>
        connection.emit(...codec.decode(JSON.stringify({ type: "transcript", role, text, final }))),
      );
    await frame("user", "What's the", false);
    expect(within(panel()).getByText("What's the")).toBeVisible();
    await frame("user", "What's the weather", false);
    expect(within(panel()).getByText("What's the weather")).toBeVisible();
    expect(within(panel()).queryByText("What's the")).toBeNull();
    await frame("user", "What's the weather like?", true);
    await frame("assistant", "Sunny and warm.", true);
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(2));
    const [question, answer] = screen.getAllByRole("article");
    expect(question).toHaveTextContent("What's the weather like?");
    expect(answer).toHaveTextContent("Sunny and warm.");
    expect(panel().querySelector(".acr-voice__caption")).toBeNull();
  });

  it("takes an AgentVoice as it is", () => {
    expectTypeOf<AgentVoice>().toMatchTypeOf<ChatVoice>();
  });
});
