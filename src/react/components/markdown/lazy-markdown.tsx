"use client";

import { Suspense, lazy, type ComponentType, type LazyExoticComponent } from "react";
import { LoadBoundary } from "../internal/load-boundary";
import { PlainText } from "../plain-text";
import { markdownTooLong } from "./markdown-options";
import type { MarkdownRenderer, MarkdownTextProps } from "./markdown-renderer";

/** One lazy component per loader: every renderer of `agentcore-react/markdown` shares one. */
const lazyComponents = new WeakMap<
  MarkdownRenderer["load"],
  LazyExoticComponent<ComponentType<MarkdownTextProps>>
>();

function lazyComponent(load: MarkdownRenderer["load"]) {
  let component = lazyComponents.get(load);
  if (!component) {
    component = lazy(load);
    lazyComponents.set(load, component);
  }
  return component;
}

/** Props of {@link LazyMarkdown}. */
export interface LazyMarkdownProps {
  /** Agent text. */
  text: string;
  /** `markdown` (or `markdown(options)`) from `agentcore-react/markdown`. */
  renderer: MarkdownRenderer;
}

/**
 * Agent text as sanitized markdown through `renderer`, whose module loads on first use (the
 * chat's own way of showing answers, for parts of your own). Shows the text as plain text
 * until it has loaded, if it fails to load, and for good when the text is longer than the
 * renderer's `maxChars`.
 */
export function LazyMarkdown({ text, renderer }: LazyMarkdownProps) {
  const fallback = <PlainText text={text} />;
  if (markdownTooLong(text, renderer.options)) return fallback;
  const MarkdownText = lazyComponent(renderer.load);
  return (
    // Plain text when the markdown module cannot load (e.g. react-markdown is not installed).
    <LoadBoundary fallback={fallback}>
      <Suspense fallback={fallback}>
        <MarkdownText text={text} options={renderer.options} />
      </Suspense>
    </LoadBoundary>
  );
}
