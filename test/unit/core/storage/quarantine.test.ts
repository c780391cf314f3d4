import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { moveDatabaseAside } from '../../../../src/core/storage/quarantine'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

describe('moveDatabaseAside', () => {
  it('moves the database with its -wal and -shm together, keeping every byte', () => {
    const dir = tempDir()
    const file = join(dir, 'holdfast.db')
    writeFileSync(file, 'main')
    writeFileSync(`${file}-wal`, 'wal')
    writeFileSync(`${file}-shm`, 'shm')
    const moved = moveDatabaseAside(file, 'corrupt', new Date('2026-11-22T10:20:30.456Z'))
    const target = join(dir, 'holdfast.corrupt-2026-11-22T10-20-30-456Z.db')
    expect(moved).toEqual([target, `${target}-wal`, `${target}-shm`])
    expect(readFileSync(target, 'utf8')).toBe('main')
    expect(readFileSync(`${target}-wal`, 'utf8')).toBe('wal')
    expect(readFileSync(`${target}-shm`, 'utf8')).toBe('shm')
    expect(existsSync(file)).toBe(false)
  })

  it('moves only the files that exist', () => {
    const dir = tempDir()
    const file = join(dir, 'holdfast.db')
    writeFileSync(file, 'main')
    const moved = moveDatabaseAside(file, 'corrupt', new Date(0))
    expect(moved).toHaveLength(1)
    expect(readdirSync(dir)).toEqual(['holdfast.corrupt-1970-01-01T00-00-00-000Z.db'])
  })
})
