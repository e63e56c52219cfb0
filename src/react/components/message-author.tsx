"use client";

import { useMemo, type ReactNode } from "react";
import { useShallowStable } from "./internal/use-shallow-stable";

/** How the messages of one role are signed: a visible name, an avatar, both or neither. */
export interface ChatRoleAppearance {
  /**
   * The name above the role's messages, which screen readers also read before them: a string,
   * `true` for `labels.userName` / `labels.assistantName`, or `false` to leave that name to
   * screen readers only.
   */
  label?: string | boolean;
  /**
   * Beside the role's messages: any node (an `<img alt="">`, initials), `true` for the built-in
   * icon, or `false` for none. It is decoration (`aria-hidden`): the name says who wrote it.
   */
  avatar?: ReactNode;
}

/**
 * How `<AgentChat>` signs messages, by role: `user` for the user's, `assistant` for the agent's
 * (and its activities). Default: the agent's with the built-in icon and its name, the user's
 * with neither. `false` signs none (names stay for screen readers).
 */
export type ChatRoles =
  false | { user?: ChatRoleAppearance | undefined; assistant?: ChatRoleAppearance | undefined };

/** Both roles with every field given. */
export interface ResolvedRoles {
  user: Required<ChatRoleAppearance>;
  assistant: Required<ChatRoleAppearance>;
}

const UNSIGNED: ChatRoleAppearance = { label: false, avatar: false };

function resolve(given: ChatRoleAppearance | undefined, signed: boolean) {
  return { label: given?.label ?? signed, avatar: given?.avatar ?? signed };
}

/** The `roles` prop with the defaults filled in, the same object while it stays equal. */
export function useRoles(roles: ChatRoles | undefined): ResolvedRoles {
  const user = useShallowStable(roles === false ? UNSIGNED : roles?.user);
  const assistant = useShallowStable(roles === false ? UNSIGNED : roles?.assistant);
  return useMemo(
    () => ({ user: resolve(user, false), assistant: resolve(assistant, true) }),
    [user, assistant],
  );
}
