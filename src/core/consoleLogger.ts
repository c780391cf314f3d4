import type { Logger } from './logger'

/** The core's logger for plain-Node hosts (headless mode and the utility process). */
export function consoleLogger(prefix: string): Logger {
  return {
    warn: (message) => console.warn(`[${prefix}] ${message}`),
    error: (message, error) => console.error(`[${prefix}] ${message}`, error ?? '')
  }
}
