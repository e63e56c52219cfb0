import type { Preview } from "@storybook/react-vite";
import "../src/react/styles.css";

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
