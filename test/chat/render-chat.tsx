import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { AgentChat, type AgentChatViewProps } from "../../src/index";
import {
  createScriptedChat,
  type ScriptedChat,
  type ScriptedChatOptions,
} from "../../src/react/components/test-utils/scripted-chat";

/** Renders `<AgentChat>` over a scripted conversation; returns the conversation and a user. */
export function renderChat(
  options: ScriptedChatOptions & {
    props?: Partial<AgentChatViewProps>;
    children?: ReactNode;
    advanceTimers?: (ms: number) => void;
  } = {},
) {
  const chat: ScriptedChat = createScriptedChat(options);
  const user = userEvent.setup(
    options.advanceTimers ? { advanceTimers: options.advanceTimers } : {},
  );
  const result = render(
    <AgentChat chat={chat} {...options.props}>
      {options.children}
    </AgentChat>,
  );
  return { chat, user, ...result };
}

/** The polite live region the chat announces through. */
export function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>(
    '.acr-chat > [role="status"][aria-live="polite"]',
  );
  if (!region) throw new Error("no live region");
  return region;
}
