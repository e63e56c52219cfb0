"use client";
import { useEffect, useLayoutEffect } from "react";

/** `useLayoutEffect` in browsers, `useEffect` on a server (where neither runs, and 18 would warn). */
export const useIsomorphicLayoutEffect =
  typeof document === "undefined" ? useEffect : useLayoutEffect;
