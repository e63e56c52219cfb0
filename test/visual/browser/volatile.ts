/**
 * What the screenshots leave out, and the style that keeps them still.
 *
 * Volatile elements show a clock, or what arrived before a click: what they show depends on
 * timing, not on the look. They are taken out of the screenshots with `display: none` (hidden
 * but left in the layout, a longer time would widen them and could wrap what is around them
 * onto a new line), and their changes do not count when the check waits for a story to settle.
 * A story can add its own with the `visual: { hide: ["<selector>"] }` parameter.
 */
export const VOLATILE_SELECTORS: readonly string[] = [
  // A running tool call's status ends with the seconds it has run ("Running · 3 s").
  '.acr-tool-call[data-status="running"] .acr-tool-call__status',
  // An answer the user stopped: how much of it had arrived depends on when Stop was pressed.
  '.acr-message[data-status="stopped"] .acr-message__bubble',
  '.acr-message[data-status="stopped"] .acr-actions',
  // The banner kinds that count down to the next attempt ("Reconnecting in 4 s").
  ...["unreachable", "provider-failed", "url-too-short", "reconnecting", "credentials-expired"].map(
    (kind) => `.acr-connection-banner[data-kind="${kind}"] .acr-connection-banner__text`,
  ),
];

/**
 * No animation, transition or smooth scrolling while the check runs: every screenshot shows an
 * element's resting style, whatever the machine's speed. (Playwright also stops animations and
 * hides the caret while it takes each screenshot.)
 */
const STILL_STYLE = `
*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  scroll-behavior: auto !important;
  caret-color: transparent !important;
}`;

/** Adds the style that stills the page and hides `hidden`; returns a function that removes it. */
export function stillPage(hidden: readonly string[]): () => void {
  const style = document.createElement("style");
  style.setAttribute("data-acr-visual", "");
  const hide = hidden.length ? `${hidden.join(",\n")} { display: none !important; }` : "";
  style.textContent = `${STILL_STYLE}\n${hide}`;
  document.head.append(style);
  return () => style.remove();
}
