// What the AI SDK transport loads with import() when `resume` is given: the record it keeps of
// the answer in flight, the restore on a reloaded page and the replay to every reader. The
// modules it shares with the transport (connection, answer stream) are counted there, not here.
export { AnswerResume } from "../../dist/adapters/ai-sdk/resume.js";
