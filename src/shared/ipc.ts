/**
 * The only IPC channels between Electron main and the preload. Everything else travels over
 * the core's RPC port, so this list stays short and is the allowlist main checks against.
 */
export const IpcChannel = {
  /** preload → main: this window asks for a (new) port to the core. */
  connectCore: 'holdfast:connect-core',
  /** main → preload → page: the MessagePort to the core. */
  corePort: 'holdfast:core-port'
} as const
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel]

/** What the preload exposes as `window.holdfast`. */
export interface HoldfastBridge {
  /** Ask main for a port to the core; it arrives as a window message named IpcChannel.corePort. */
  connectCore(): void
}
