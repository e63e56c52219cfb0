/** Default ports: the app, the presign backend and the emulator. */
export const DEFAULT_PORTS = { app: 5173, backend: 8788, emulator: 8787 } as const;
/** The demo listens on loopback only: its sign-in is fake and the emulator is for local use. */
export const DEMO_HOST = "127.0.0.1";
