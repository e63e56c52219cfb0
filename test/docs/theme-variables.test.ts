import { readFileSync } from "node:fs";

// The CSS variables are the default theme's public surface: docs/chat.md's Theming section
// names every one styles.css declares, and none that it does not.

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

function declaredVariables(): Set<string> {
  const css = read("src/react/styles.css");
  return new Set([...css.matchAll(/(--acr-[a-z0-9-]+)\s*:/g)].map((match) => match[1]!));
}

function documentedVariables(): Set<string> {
  const page = read("docs/chat.md");
  const start = page.indexOf("\n## Theming\n");
  const end = page.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(0);
  return new Set([...page.slice(start, end).matchAll(/`(--acr-[a-z0-9-]+)`/g)].map((m) => m[1]!));
}

describe("docs/chat.md Theming", () => {
  it("documents every --acr-* variable styles.css declares", () => {
    const documented = documentedVariables();
    const missing = [...declaredVariables()].filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it("documents no variable that styles.css does not declare", () => {
    const declared = declaredVariables();
    const stale = [...documentedVariables()].filter((name) => !declared.has(name));
    expect(stale).toEqual([]);
  });

  it("finds the variables it checks", () => {
    expect(declaredVariables().size).toBeGreaterThan(40);
    expect(declaredVariables()).toContain("--acr-content-width");
  });
});
