/** How often a held snapshot still follows its document (a drag's panels: 10 times a second). */
export const HELD_REFRESH_MS = 100

/**
 * A gesture during which views may follow their document less often: while a layer is dragged,
 * Konva moves it on screen by itself, so the rest of the editor need not render on every move.
 * Released, every view waiting on it catches up at once.
 */
export class UpdateHold {
  private held = false
  private readonly releaseListeners = new Set<() => void>()

  get active(): boolean {
    return this.held
  }

  begin(): void {
    this.held = true
  }

  end(): void {
    if (!this.held) return
    this.held = false
    for (const listener of [...this.releaseListeners]) listener()
  }

  onRelease(listener: () => void): () => void {
    this.releaseListeners.add(listener)
    return () => this.releaseListeners.delete(listener)
  }
}

/**
 * Runs `run` when the browser is next idle (between frames, with nothing else queued), or after
 * `timeoutMs` at the latest: work that must not hold up the frames of a gesture. Returns a cancel
 * function.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  const handle = requestIdleCallback(run, { timeout: timeoutMs })
  return () => cancelIdleCallback(handle)
}
