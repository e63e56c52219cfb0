import { configure } from "@testing-library/react";

/**
 * `findBy…` and `waitFor` wait on the DOM (an event), but give up after a deadline. Testing
 * Library's default of 1 s is shorter than a loaded CI machine needs to load a lazy chunk (the
 * markdown renderer) or to run a frame, so it is only a guard against a hang here: 10 s.
 */
configure({ asyncUtilTimeout: 10_000 });
