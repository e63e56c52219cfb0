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
    (Story) => (
      <div style={{ height: 600, display: "flex" }}>
        <Story />
      </div>
    ),
  ],
};

export default preview;
