"use client";

import { Component, type ReactNode } from "react";

/** Props of {@link LoadBoundary}. */
export interface LoadBoundaryProps {
  /** Shown for good once the children failed to load. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Shows `fallback` instead of lazily loaded children whose module failed to load (an optional
 * peer not installed, a chunk the network lost): the chat goes on without them.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
