import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parseHeadlessArgs, UsageError } from '../../../src/headless/args'

describe('parseHeadlessArgs', () => {
  it('reads the data folder and port', () => {
    expect(parseHeadlessArgs(['--data', 'some/dir', '--port', '5000'])).toEqual({ dataDir: resolve('some/dir'), port: 5000, relay: false })
    expect(parseHeadlessArgs(['--data=x'])).toEqual({ dataDir: resolve('x'), port: 4310, relay: false })
    expect(parseHeadlessArgs(['--data', 'x', '--port', '0']).port).toBe(0)
  })

  it('reads the benchmark-only inference switches', () => {
    expect(parseHeadlessArgs(['--data', 'x']).inference).toBeUndefined()
    expect(parseHeadlessArgs(['--data', 'x', '--inference-inline']).inference).toEqual({ inline: true })
    expect(parseHeadlessArgs(['--data', 'x', '--inference-worker', 'w.js']).inference).toEqual({ workerScript: resolve('w.js') })
    expect(() => parseHeadlessArgs(['--data', 'x', '--inference-inline', '--inference-worker', 'w.js'])).toThrow(/cannot be used together/)
  })

  it('reads the relay switch and an invite to join, from --join or HOLDFAST_INVITE', () => {
    vi.stubEnv('HOLDFAST_INVITE', '')
    expect(parseHeadlessArgs(['--data', 'x', '--relay', '--join', 'HF1-abc'])).toMatchObject({ relay: true, join: 'HF1-abc' })
    expect(parseHeadlessArgs(['--data', 'x']).join).toBeUndefined()
    vi.stubEnv('HOLDFAST_INVITE', 'HF1-env')
    expect(parseHeadlessArgs(['--data', 'x', '--relay']).join).toBe('HF1-env')
    expect(parseHeadlessArgs(['--data', 'x', '--join', 'HF1-flag']).join).toBe('HF1-flag')
    vi.unstubAllEnvs()
  })

  it('reads the LAN discovery port', () => {
    expect(parseHeadlessArgs(['--data', 'x', '--discovery-port', '47400']).discoveryPort).toBe(47400)
    expect(parseHeadlessArgs(['--data', 'x']).discoveryPort).toBeUndefined()
    expect(() => parseHeadlessArgs(['--data', 'x', '--discovery-port', '0'])).toThrow(/--discovery-port must be a whole number/)
  })

  it('reads the switch that turns mDNS discovery off', () => {
    expect(parseHeadlessArgs(['--data', 'x', '--no-mdns', '--discovery-port', '47401'])).toMatchObject({ mdns: false, discoveryPort: 47401 })
    expect(parseHeadlessArgs(['--data', 'x']).mdns).toBeUndefined()
    expect(() => parseHeadlessArgs(['--data', 'x', '--no-mdns=yes'])).toThrow(/--no-mdns/)
  })

  it('explains what is wrong and shows the usage', () => {
    expect(() => parseHeadlessArgs([])).toThrow(UsageError)
    expect(() => parseHeadlessArgs([])).toThrow(/--data is required.*\nUsage: npm run headless/s)
    expect(() => parseHeadlessArgs(['--data', 'x', '--port', 'http'])).toThrow(/--port must be a whole number/)
    expect(() => parseHeadlessArgs(['--data', 'x', '--port', '70000'])).toThrow(/--port must be a whole number/)
    expect(() => parseHeadlessArgs(['--data', 'x', '--host', '0.0.0.0'])).toThrow(/Unknown option '--host'/)
  })
})
