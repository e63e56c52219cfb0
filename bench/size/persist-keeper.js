// What a conversation with `persist` on loads with import() on mount: the keeper that claims
// the key, restores the kept record into the connection and saves as the conversation changes
// (the storage itself is agentcore-react/persist, measured on its own).
export { openKeeper } from "../../dist/store/conversation-keeper.js";
