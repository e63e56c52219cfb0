// What an app imports to get a reconnecting WebSocket hook from react-use-websocket.
import useWebSocket from "react-use-websocket";
export { useWebSocket };
