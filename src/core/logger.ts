/** Where the core reports what the user or an operator should know. Hosts decide where it goes. */
export interface Logger {
  warn(message: string): void
  error(message: string, error?: unknown): void
}
