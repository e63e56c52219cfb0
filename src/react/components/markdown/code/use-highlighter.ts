import { useEffect, useState } from "react";

import type * as HighlighterModule from "./highlighter";

/** The lazily loaded highlighter module. */
export type Highlighter = typeof HighlighterModule;

let loaded: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

/**
 * Loads the highlighter once (its own chunk in an app's bundle). A failed load is not retried:
 * code stays plain text, as it shows until the highlighter is there.
 */
function loadHighlighter(): Promise<Highlighter> {
  loading ??= import("./highlighter").then((module) => (loaded = module));
  return loading;
}

/**
 * Blocks waiting for the highlighter, woken one per task once it has loaded: each highlights
 * in a React update of its own, so a thread full of code does not highlight in one long task.
 */
const waiting: Array<() => void> = [];
let waking = false;

function wakeNext(): void {
  const wake = waiting.shift();
  waking = wake !== undefined;
  if (!wake) return;
  wake();
  setTimeout(wakeNext, 0);
}

function whenLoaded(wake: () => void): () => void {
  let live = true;
  const entry = () => {
    if (live) wake();
  };
  loadHighlighter().then(
    () => {
      waiting.push(entry);
      if (!waking) {
        waking = true;
        setTimeout(wakeNext, 0);
      }
    },
    () => {},
  );
  return () => {
    live = false;
    const index = waiting.indexOf(entry);
    if (index !== -1) waiting.splice(index, 1);
  };
}

/**
 * The highlighter, once loaded, for a block that wants it (`wanted`: a language and code within
 * the limits); `null` before, if it cannot load, and for a block that does not want it. Only a
 * block that wants it starts loading it.
 */
export function useHighlighter(wanted: boolean): Highlighter | null {
  const [highlighter, setHighlighter] = useState(loaded);
  useEffect(() => {
    if (!wanted || highlighter) return undefined;
    return whenLoaded(() => setHighlighter(loaded));
  }, [wanted, highlighter]);
  return wanted ? highlighter : null;
}
