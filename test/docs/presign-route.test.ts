import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readmeFiles } from "../newcomer/readme-steps";
import { documentationPages, REPO_ROOT } from "./code-blocks";

/**
 * The presign route is the same on every page: a newcomer runs README.md's backend and then
 * copies a chat from any page, so each `backendUrlProvider({ endpoint })` must call the route
 * that backend serves (a page on another route got a 404 from it, retried for good).
 */

function readmeBackendRoute(): string {
  const server = readmeFiles().find((file) => file.path === "server.ts");
  const route = /app\.all\("([^"]+)"/.exec(server?.code ?? "")?.[1];
  if (!route) throw new Error("README.md's server.ts serves no route with app.all");
  return route;
}

/** Every endpoint given to `backendUrlProvider` on the page, as a path. */
function endpointsOf(page: string): { endpoint: string; path: string }[] {
  const text = readFileSync(join(REPO_ROOT, page), "utf8");
  return [...text.matchAll(/backendUrlProvider\(\{\s*endpoint:\s*"([^"]+)"/g)].map((match) => {
    const endpoint = match[1] ?? "";
    return { endpoint, path: new URL(endpoint, "https://app.example.com").pathname };
  });
}

describe("the presign route in README.md and docs/*.md", () => {
  const route = readmeBackendRoute();

  it("is what README.md's backend serves, under the /api its Vite proxy forwards", () => {
    expect(route).toBe("/api/agent-url");
  });

  it("finds the pages' endpoints", () => {
    const pages = documentationPages().filter((page) => endpointsOf(page).length > 0);
    expect(pages).toEqual(expect.arrayContaining(["README.md", "docs/chat.md", "docs/hook.md"]));
  });

  it.each(documentationPages())("%s calls that route", (page) => {
    for (const { endpoint, path } of endpointsOf(page)) expect(path, endpoint).toBe(route);
  });
});
