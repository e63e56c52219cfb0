// What an app imports for the Vercel AI SDK's chat hook.
export { useChat } from "@ai-sdk/react";
