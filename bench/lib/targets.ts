// Targets printed next to the figures, so a run says at a glance what it met.

export function atMost(value: number, limit: number): string {
  return `target ≤ ${limit.toLocaleString('en-US')}: ${value <= limit ? 'met' : 'MISSED'}`
}

export function exactly(value: number, expected: number): string {
  return `target ${expected}: ${value === expected ? 'met' : 'MISSED'}`
}

export function within(value: number, low: number, high: number): string {
  return `expected ${low.toLocaleString('en-US')}–${high.toLocaleString('en-US')}: ${value >= low && value <= high ? 'met' : 'MISSED'}`
}

/** A control run must miss the target, or the measure cannot see what it is meant to see. */
export function controlMisses(value: number, limit: number): string {
  return `target ≤ ${limit.toLocaleString('en-US')}: ${value > limit ? 'missed, as a control must' : 'MET (a control must miss: the measure does not see blocking)'}`
}
