/** A bidirectional channel of text frames: a WebSocket in headless mode, a MessagePort in the app. */
export interface FrameTransport {
  send(frame: string): void
  onFrame(listener: (frame: unknown) => void): void
  onClose(listener: () => void): void
}
