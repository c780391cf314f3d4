import { describe, expect, it } from 'vitest'
import { CoreHostMessageSchema, CoreToHostMessageSchema } from '../../../src/shared/coreHostMessages'

const settings = { automatic: true, channel: 'latest', feedUrl: '' }

describe('messages between the core and Electron main', () => {
  it('main takes the core’s update settings, AI activity and update commands', () => {
    for (const message of [
      { type: 'update-settings', settings },
      { type: 'update-settings', settings: { automatic: false, channel: 'beta', feedUrl: 'https://updates.example.com/' } },
      { type: 'ai-activity', generating: true },
      { type: 'update-command', command: 'check' },
      { type: 'update-command', command: 'install' },
      { type: 'secret-request', id: 1, op: 'encrypt', value: 'sk-1' }
    ]) {
      expect(CoreToHostMessageSchema.safeParse(message).success, JSON.stringify(message)).toBe(true)
    }
  })

  it('main refuses malformed messages from the core', () => {
    for (const message of [
      { type: 'update-settings' },
      { type: 'update-settings', settings: { ...settings, feedUrl: 'http://updates.example.com/' } },
      { type: 'update-settings', settings: { ...settings, channel: 'nightly' } },
      { type: 'update-settings', settings: { ...settings, automatic: 'yes' } },
      { type: 'ai-activity', generating: 1 },
      { type: 'update-command', command: 'quit' },
      { type: 'update-state', state: { kind: 'idle', lastCheckAt: null } },
      { type: 'secret-request', id: 1, op: 'wipe', value: 'x' },
      'update-command',
      null
    ]) {
      expect(CoreToHostMessageSchema.safeParse(message).success, JSON.stringify(message)).toBe(false)
    }
  })

  it('the core takes every update state main sends', () => {
    for (const state of [
      { kind: 'unavailable', message: 'This is a development build: it does not update itself.' },
      { kind: 'idle', lastCheckAt: null },
      { kind: 'idle', lastCheckAt: 1_790_000_000_000 },
      { kind: 'checking' },
      { kind: 'downloading', version: '0.2.0', percent: 42 },
      { kind: 'ready', version: '1.0.0-beta.3+build.7' },
      { kind: 'error', message: 'The update download was interrupted.' }
    ]) {
      expect(CoreHostMessageSchema.safeParse({ type: 'update-state', state }).success, JSON.stringify(state)).toBe(true)
    }
  })

  it('the core refuses malformed update states', () => {
    for (const state of [
      { kind: 'downloading', version: '0.2.0', percent: 142 },
      { kind: 'downloading', version: '0.2.0' },
      { kind: 'ready', version: '../../evil' },
      { kind: 'ready', version: `1.0.0-${'x'.repeat(100)}` },
      { kind: 'error', message: '' },
      { kind: 'error', message: 'x'.repeat(501) },
      { kind: 'idle', lastCheckAt: -1 },
      { kind: 'installing' }
    ]) {
      expect(CoreHostMessageSchema.safeParse({ type: 'update-state', state }).success, JSON.stringify(state)).toBe(false)
    }
  })
})
