"use client";

import { Component, Suspense, lazy, type ReactNode } from "react";
import { PlainText } from "../plain-text";
import { markdownTooLong, type MarkdownOptions } from "./markdown-options";

const MarkdownText = lazy(() => import("./markdown-text"));

interface BoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
}

/** Falls back to plain text when the markdown module cannot load (e.g. react-markdown is not installed). */
class MarkdownBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * Markdown that loads `react-markdown` on first use, so the chat component stays small for
 * apps that keep plain text. Shows the text as plain text until it has loaded, and for good
 * when it is longer than `options.maxChars`.
 */
export function LazyMarkdown({
  text,
  options,
}: {
  text: string;
  options?: MarkdownOptions | null;
}) {
  const fallback = <PlainText text={text} />;
  if (markdownTooLong(text, options)) return fallback;
  return (
    <MarkdownBoundary fallback={fallback}>
      <Suspense fallback={fallback}>
        <MarkdownText text={text} options={options} />
      </Suspense>
    </MarkdownBoundary>
  );
}
