type Rounding = (value: number) => number

/** Sizes the way people read them: "812 KB", "23.4 MB", "101 MB", "1.2 GB". `round` picks the direction (a needed size rounds up, a free size down). */
export function formatBytes(bytes: number, round: Rounding = Math.round): string {
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KB`
  const [value, unit] = bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MB'] : [bytes / 1024 ** 3, 'GB']
  // One decimal below 100 (23.4 MB), none above (812 MB).
  const shown = value < 100 ? round(value * 10) / 10 : round(value)
  return `${shown.toFixed(value < 100 ? 1 : 0)} ${unit}`
}

/** "45 s", "3 min", "1 h 20 min" left. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
