/** macOS uses ⌘ where other platforms use Ctrl. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent)

export interface KeyLike {
  key: string
  metaKey: boolean
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** True for Cmd+key on macOS and Ctrl+key elsewhere, with no other modifier. */
export function isModKey(event: KeyLike, key: string, mac: boolean = isMac): boolean {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  return mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key
}

/** How a shortcut is written on this platform, e.g. "⌘K" or "Ctrl+K". */
export function shortcutLabel(key: string, mac: boolean = isMac): string {
  return mac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`
}
