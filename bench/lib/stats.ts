/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Rounded for the results file: enough digits for sub-millisecond figures. */
export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits))
}
