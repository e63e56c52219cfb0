import { version } from "react";
import { version as domVersion } from "react-dom";

/**
 * The suites run twice in CI: against React 19 (the main install) and React 18.3 (a second
 * install, `npm run test:react18`, which sets EXPECTED_REACT_MAJOR=18). This proves which one a
 * run really used; the behaviour that differs between them (StrictMode's double effects,
 * useSyncExternalStore batching, useId) is covered by the suites themselves on both.
 */
describe("the React under test", () => {
  it("is the major version this run is for, with a matching ReactDOM", () => {
    const expected = process.env["EXPECTED_REACT_MAJOR"] ?? "19";
    expect(version.split(".")[0]).toBe(expected);
    expect(domVersion).toBe(version);
  });
});
