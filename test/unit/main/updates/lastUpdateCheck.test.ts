import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lastUpdateCheckFile } from '../../../../src/main/updates/lastUpdateCheck'

const dirs: string[] = []
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-update-check-'))
  dirs.push(dir)
  return join(dir, 'update-check.json')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

describe('lastUpdateCheckFile', () => {
  it('reads back the time it wrote, from a new instance (a restart)', () => {
    const file = tempFile()
    expect(lastUpdateCheckFile(file).read()).toBeNull()
    lastUpdateCheckFile(file).write(1_790_000_000_000)
    expect(lastUpdateCheckFile(file).read()).toBe(1_790_000_000_000)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ lastCheckAt: 1_790_000_000_000 })
  })

  it('takes a damaged or hand-edited file as "never checked"', () => {
    const file = tempFile()
    writeFileSync(file, '{"lastCheckAt": "yesterday"}')
    expect(lastUpdateCheckFile(file).read()).toBeNull()
    writeFileSync(file, 'not json')
    expect(lastUpdateCheckFile(file).read()).toBeNull()
  })

  it('warns instead of throwing when the folder cannot be written', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const file = join(tempFile(), 'missing-folder', 'update-check.json')
    expect(() => lastUpdateCheckFile(file).write(1)).not.toThrow()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not record the time of its update check'))
  })
})
