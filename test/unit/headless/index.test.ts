import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../support/tempDir'

// Runs the built headless entry as its own process, exactly as `npm run headless` does.
const ENTRY = resolve('out/main/headless.js')
const tempDir = useTempDirs()

beforeAll(() => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first (npm test does).`)
})

function start(args: string[]): { child: ChildProcessByStdio<null, Readable, Readable>; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, [ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const ready = new Promise<string>((resolveReady, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const line = output.split('\n').find((l) => l.startsWith('Holdfast headless ready'))
      if (line !== undefined) resolveReady(line)
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`headless exited with ${code}: ${output}`)))
  })
  // Tests that expect an early exit never await `ready`.
  ready.catch(() => undefined)
  return { child, output: () => output, ready }
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)))
}

describe('headless mode', () => {
  it('prints exactly the ready line with the port it listens on', async () => {
    const { child, ready } = start(['--data', tempDir(), '--port', '0'])
    const line = await ready
    expect(line).toMatch(/^Holdfast headless ready at http:\/\/127\.0\.0\.1:\d+$/)
    const url = line.slice('Holdfast headless ready at '.length)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Holdfast</title>')
    child.kill('SIGTERM')
    expect(await exitCode(child)).toBe(0)
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`closes the database cleanly on ${signal}`, async () => {
      const dataDir = tempDir()
      const { child, ready } = start(['--data', dataDir, '--port', '0'])
      await ready
      expect(existsSync(join(dataDir, 'holdfast.db-wal'))).toBe(true)
      child.kill(signal)
      expect(await exitCode(child)).toBe(0)
      // A clean close checkpoints the WAL into the database and removes it.
      expect(existsSync(join(dataDir, 'holdfast.db-wal'))).toBe(false)
      const db = new Database(join(dataDir, 'holdfast.db'), { readonly: true })
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      db.close()
    })
  }

  it('explains bad arguments and exits with status 2', async () => {
    const { child, output } = start(['--port', '80'])
    expect(await exitCode(child)).toBe(2)
    expect(output()).toContain('--data is required.')
    expect(output()).toContain('Usage: npm run headless -- --data DIR [--port N]')
  })

  it('says so when its port is taken', async () => {
    const first = start(['--data', tempDir(), '--port', '0'])
    const port = (await first.ready).split(':').at(-1) ?? ''
    const second = start(['--data', tempDir(), '--port', port])
    expect(await exitCode(second.child)).toBe(1)
    expect(second.output()).toMatch(/could not start: .*EADDRINUSE/)
    first.child.kill('SIGTERM')
    await exitCode(first.child)
  })
})
