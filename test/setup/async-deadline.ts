import { configure } from "@testing-library/react";

/**
 * `findBy…` and `waitFor` wait on the DOM (an event), but give up after a deadline. Testing
 * Library's default of 1 s is shorter than a loaded CI machine needs to load a lazy chunk (the
 * markdown renderer) or to run a frame, so it is only a guard against a hang here: 20 s, as in
 * the stories. (10 s was once too short for the first markdown test of a file, which pays for
 * transforming react-markdown and its dependencies, at a load average of 15 on 2 cores.)
 */
configure({ asyncUtilTimeout: 20_000 });
