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
