import type { Preview } from "@storybook/react-vite";
import { configure } from "storybook/test";
import "../src/react/styles.css";
import { STATE_TIMEOUT_MS } from "../stories/timeouts";

// findBy* and waitFor in play functions wait on the DOM; their default deadline (1 s) is shorter
// than a lazy chunk takes to load on a loaded machine.
configure({ asyncUtilTimeout: STATE_TIMEOUT_MS });

const preview: Preview = {
  parameters: {
    layout: "fullscreen",
    // Every story fails its test on any axe violation.
    a11y: { test: "error" },
    controls: { expanded: true, sort: "requiredFirst" },
  },
  decorators: [
    // A story fills the canvas, as a chat fills its page: nothing scrolls the canvas itself
    // (so a banner at the top stays in view). On a docs page each story gets a frame of its own.
    (Story, { viewMode }) => (
      <div style={{ height: viewMode === "docs" ? 560 : "100dvh", display: "flex" }}>
        <Story />
      </div>
    ),
  ],
};

export default preview;
