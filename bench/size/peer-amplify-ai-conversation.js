// Amplify UI's drop-in AI conversation component.
export { AIConversation } from "@aws-amplify/ui-react-ai";
