import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RELAY_UNAVAILABLE_EXIT, superviseRelay, type RelaySupervisor } from '../../../../src/headless/relay/relaySupervisor'

// The relay runs in a process of its own that is started again when it dies: here real child
// processes stand in for it, one that crashes as native code does (SIGSEGV), one that always
// fails, and one that cannot run on this machine at all.

let dir = ''
let supervisor: RelaySupervisor | undefined
let warnings: string[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-relay-supervisor-'))
  warnings = []
})

afterEach(async () => {
  await supervisor?.stop()
  supervisor = undefined
  await rm(dir, { recursive: true, force: true })
})

/** A relay stand-in: records each start, then runs `behaviour` (given the start's number). */
async function relayScript(behaviour: string): Promise<string> {
  const script = join(dir, 'relay.mjs')
  await writeFile(
    script,
    `import { appendFileSync, readFileSync } from 'node:fs'
appendFileSync(process.env.STARTS_FILE, 'start\\n')
const start = readFileSync(process.env.STARTS_FILE, 'utf8').trim().split('\\n').length
process.on('SIGTERM', () => { appendFileSync(process.env.STARTS_FILE, 'stopped\\n'); process.exit(0) })
${behaviour}
`
  )
  return script
}

async function log(): Promise<string[]> {
  return (await readFile(join(dir, 'starts'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean)
}

function supervise(script: string): RelaySupervisor {
  supervisor = superviseRelay({
    script,
    env: { ...process.env, STARTS_FILE: join(dir, 'starts') },
    log: { warn: (message) => warnings.push(message) },
    firstRestartMs: 50
  })
  return supervisor
}

describe('the relay supervisor', () => {
  it('starts the relay again after it crashes, and stops it for good when headless mode stops', async () => {
    supervise(await relayScript(`if (start === 1) process.kill(process.pid, 'SIGSEGV'); else setInterval(() => {}, 1000)`))
    await expect.poll(log, { timeout: 5000 }).toEqual(['start', 'start'])
    expect(warnings).toEqual(['Holdfast relay: its process ended (SIGSEGV); starting it again in 0.05 s.'])

    await supervisor?.stop()
    expect(await log()).toEqual(['start', 'start', 'stopped'])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await log()).toEqual(['start', 'start', 'stopped'])
  })

  it('waits longer after each failure in a row', async () => {
    supervise(await relayScript('process.exit(1)'))
    await expect.poll(() => warnings.length, { timeout: 5000 }).toBeGreaterThanOrEqual(4)
    expect(warnings.slice(0, 4)).toEqual([
      'Holdfast relay: its process ended (exit code 1); starting it again in 0.05 s.',
      'Holdfast relay: its process ended (exit code 1); starting it again in 0.1 s.',
      'Holdfast relay: its process ended (exit code 1); starting it again in 0.2 s.',
      'Holdfast relay: its process ended (exit code 1); starting it again in 0.4 s.'
    ])
  })

  it('does not start again a relay that cannot run on this machine', async () => {
    supervise(await relayScript(`process.exit(${RELAY_UNAVAILABLE_EXIT})`))
    await expect.poll(() => warnings, { timeout: 5000 }).toEqual([
      'Holdfast relay: not running (see the message above); the rest of headless mode carries on.'
    ])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await log()).toEqual(['start'])
  })
})
