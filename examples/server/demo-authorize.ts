import type { PresignPrincipal } from "../../src/server";
import { DEMO_USER, DEMO_USER_COOKIE, DEMO_USER_HEADER } from "../src/demo-config";

/**
 * The demo's sign-in: a request is "signed in" as the one demo user when it carries the header
 * `x-demo-user: demo-user` (what the page sends) or the cookie `agentcore_demo_user=demo-user`.
 *
 * DEMO ONLY. Anyone can send that header. A real app reads its own session cookie or verifies
 * an access token here, and returns that user's id as the principal.
 */
export function demoAuthorize(request: Request): PresignPrincipal | null {
  if (request.headers.get(DEMO_USER_HEADER) === DEMO_USER) return { principal: DEMO_USER };
  const cookies = request.headers.get("cookie") ?? "";
  for (const pair of cookies.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === DEMO_USER_COOKIE && rest.join("=") === DEMO_USER) return { principal: DEMO_USER };
  }
  return null;
}
