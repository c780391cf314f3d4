// Download speed over the last few seconds, for "12.3 MB/s · 2 min left".

const WINDOW_MS = 5000

export class DownloadSpeed {
  private samples: { at: number; bytes: number }[] = []

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the bytes received so far. */
  add(receivedBytes: number): void {
    const at = this.now()
    this.samples.push({ at, bytes: receivedBytes })
    while (this.samples.length > 2 && (this.samples[0] as { at: number }).at < at - WINDOW_MS) this.samples.shift()
  }

  /** Bytes per second over the window; 0 until two samples are at least 200 ms apart. */
  bytesPerSecond(): number {
    const first = this.samples[0]
    const last = this.samples.at(-1)
    if (!first || !last || last.at - first.at < 200) return 0
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at)
  }
}
