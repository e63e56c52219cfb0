import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { chatMessage } from "../src/react/components/test-utils/scripted-chat";
import {
  createMockVoice,
  type MockVoiceOptions,
} from "../src/react/components/test-utils/mock-voice";
import { ScriptedAgentChat } from "./scripted-chat-story";
import { STATE_TIMEOUT_MS } from "./timeouts";

/** A spoken exchange: the transcripts the voice codecs turn into messages. */
const spokenTurns = {
  messages: [
    chatMessage({ role: "user", text: "What's the weather like in Seattle this afternoon?" }),
    chatMessage({
      role: "assistant",
      text: "Cloudy with light rain, around 12 degrees. Take an umbrella if you're heading out.",
    }),
  ],
};

const meta = {
  title: "AgentChat/Voice",
  component: ScriptedAgentChat,
  render: (args) => <ScriptedAgentChat {...args} />,
  args: { theme: "system", placeholder: "Write a message…", script: spokenTurns },
  argTypes: { voice: { control: false }, script: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          "Voice mode (`voice` prop): the microphone button after Send, and during a call its status, level meter, Mute, Hold to talk and Interrupt. A mocked voice: no audio plays or records.",
      },
    },
  },
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the call's controls to load, then for each text the state shows in them. */
async function expectCall(
  canvasElement: HTMLElement,
  shows: string[],
  names = { voice: "Voice conversation", controls: "Voice conversation controls" },
) {
  const canvas = within(canvasElement);
  await canvas.findByRole("button", { name: names.voice }, { timeout: STATE_TIMEOUT_MS });
  const controls = within(canvas.getByRole("group", { name: names.controls }));
  for (const text of shows) await expect(controls.getByText(text)).toBeVisible();
}

/** A story of a call in the given state; its play waits for the texts that state shows. */
function callStory(options: MockVoiceOptions, ...shows: string[]): Story {
  return {
    args: { voice: createMockVoice(options) },
    play: ({ canvasElement }) => expectCall(canvasElement, shows),
  };
}

/** A chat with a voice, no call yet: the microphone button after Send. */
export const Idle: Story = {
  args: { voice: createMockVoice() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole(
      "button",
      { name: "Voice conversation" },
      { timeout: STATE_TIMEOUT_MS },
    );
    await expect(button).toHaveAttribute("aria-pressed", "false");
  },
};

/** The browser is asked for the microphone. */
export const Connecting = callStory({ state: "requesting-permission" }, "Connecting microphone…");

/** The call runs: the meter shows the microphone's level (fixed here). */
export const Listening = callStory({ state: "listening", level: 0.12 }, "Listening…");

/** The user is still speaking: what was heard so far shows as a caption, not yet a message. */
export const PartialTranscript: Story = {
  args: {
    voice: createMockVoice({ state: "listening", level: 0.18 }),
    script: {
      ...spokenTurns,
      events: [
        {
          type: "custom",
          name: "voice.transcript",
          value: { role: "user", text: "And what about tomorrow morning", final: false },
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expectCall(canvasElement, ["Listening…"]);
    // The caption follows the store's events, heard once the controls have subscribed.
    const controls = within(within(canvasElement).getByRole("group", { name: /controls/ }));
    await expect(
      await controls.findByText("And what about tomorrow morning", undefined, {
        timeout: STATE_TIMEOUT_MS,
      }),
    ).toBeVisible();
  },
};

/** Muted: the meter rests and Mute is pressed. */
export const Muted = callStory({ state: "listening", muted: true }, "Muted");

/** The agent speaks: Interrupt stops it. */
export const AgentSpeaking = callStory(
  { state: "agent-speaking", level: 0.02 },
  "Agent speaking",
  "Interrupt",
);

/** Push-to-talk mode, the talk button held. */
export const PushToTalk = callStory(
  { state: "listening", mode: "push-to-talk", talking: true, level: 0.2 },
  "Listening while you hold…",
  "Hold to talk",
);

/** The microphone was refused: the message, and Retry. */
export const PermissionDenied = callStory(
  {
    state: "failed",
    error: {
      code: "permission-denied",
      message:
        "Microphone access was denied. Allow the microphone for this site in the browser, then try again.",
    },
  },
  "Microphone access was denied. Allow the microphone for this site in the browser, then try again.",
  "Retry",
);

/** There is no microphone. */
export const NoDevice = callStory(
  {
    state: "failed",
    error: { code: "no-device", message: "No microphone was found. Connect one, then try again." },
  },
  "No microphone was found. Connect one, then try again.",
);

/** The microphone went away mid-call. */
export const DeviceLost = callStory(
  {
    state: "failed",
    error: { code: "device-lost", message: "The microphone was disconnected during the call." },
  },
  "The microphone was disconnected during the call.",
);

/** Right to left, translated: the meter fills from the right. */
export const RightToLeft: Story = {
  play: ({ canvasElement }) =>
    expectCall(canvasElement, ["الوكيل يتحدث", "مقاطعة"], {
      voice: "محادثة صوتية",
      controls: "عناصر التحكم في المحادثة الصوتية",
    }),
  args: {
    voice: createMockVoice({ state: "agent-speaking", level: 0.12 }),
    dir: "rtl",
    placeholder: "اكتب رسالة…",
    labels: {
      send: "إرسال",
      composerLabel: "رسالة",
      userName: "أنت",
      assistantName: "الوكيل",
      voice: "محادثة صوتية",
      voiceControls: "عناصر التحكم في المحادثة الصوتية",
      voiceAgentSpeaking: "الوكيل يتحدث",
      voiceInterrupt: "مقاطعة",
      voiceMute: "كتم الصوت",
    },
    script: {
      messages: [
        chatMessage({ role: "user", text: "ما حالة الطقس في القاهرة؟" }),
        chatMessage({ role: "assistant", text: "الجو مشمس ودرجة الحرارة ٣٠ درجة مئوية." }),
      ],
    },
  },
};
