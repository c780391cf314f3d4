import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The filesystem type under a path, as `stat -f` names it (tmpfs would make fsync free). */
export function filesystemType(path: string): string {
  return execFileSync('stat', ['-f', '-c', '%T', path], { encoding: 'utf8' }).trim()
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

export function printTable(rows: [string, string | number, string?][]): void {
  const width = Math.max(...rows.map(([name]) => name.length))
  for (const [name, value, note] of rows) {
    const shown = typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value
    console.log(`${name.padEnd(width)}  ${shown.padStart(14)}  ${note ?? ''}`)
  }
}

export function writeResults(name: string, results: unknown): string {
  const dir = resolve(import.meta.dirname, '../results')
  mkdirSync(dir, { recursive: true })
  const file = resolve(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n')
  return file
}
