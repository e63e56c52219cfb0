import { readFileSync } from "node:fs";
import { format } from "prettier";
import { ARCHITECTURE_PAGE, withCurrentTable } from "../../scripts/state-table";

describe("docs/architecture.md", () => {
  it("shows the state table the reducer produces (npm run docs:state-table rewrites it)", async () => {
    const page = readFileSync(ARCHITECTURE_PAGE, "utf8");
    const markdown = (text: string) => format(text, { parser: "markdown", proseWrap: "preserve" });
    expect(await markdown(page)).toBe(await markdown(withCurrentTable(page)));
  });
});
