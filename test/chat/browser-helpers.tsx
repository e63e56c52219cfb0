import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import "../../src/react/styles.css";
import { AgentChat, type AgentChatViewProps } from "../../src/index";
import {
  createScriptedChat,
  type ScriptedChat,
  type ScriptedChatOptions,
} from "../../src/react/components/test-utils/scripted-chat";

// A real browser: let React schedule as it would in an app, and wait with expect.poll.
// (Testing Library turns act() mode on in its own beforeAll; this runs after it.)
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

/** Renders the chat in a frame of the given size, as an app would. */
export function mountChat(
  options: ScriptedChatOptions & {
    props?: Partial<AgentChatViewProps>;
    width?: number;
    height?: number;
    children?: ReactNode;
  } = {},
): { chat: ScriptedChat; frame: HTMLElement } {
  const chat = createScriptedChat(options);
  const { container } = render(
    <div
      className="frame"
      style={{ width: options.width ?? 640, height: options.height ?? 480, display: "flex" }}
    >
      <AgentChat chat={chat} {...options.props}>
        {options.children}
      </AgentChat>
    </div>,
  );
  document.body.style.margin = "0";
  return { chat, frame: container.querySelector<HTMLElement>(".frame")! };
}

/** Resolves after the next rendered frame (layout, resize observers and paint have run). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

/** The scroll container of the message list. */
export function scroller(): HTMLElement {
  return document.querySelector<HTMLElement>(".acr-message-list__scroller")!;
}

/** Pixels between the bottom of what is visible and the bottom of the content. */
export function distanceFromBottom(element = scroller()): number {
  return element.scrollHeight - element.scrollTop - element.clientHeight;
}
