import { describe, expect, it } from 'vitest'
import { describeUpdateState } from '../../../../../src/renderer/src/features/updates/updateLabels'

describe('describeUpdateState', () => {
  it('shows download progress and what happens to a ready update', () => {
    expect(describeUpdateState({ kind: 'downloading', version: '0.2.0', percent: 42 }, '0.1.0', true)).toBe('Downloading update 0.2.0: 42 %')
    expect(describeUpdateState({ kind: 'ready', version: '0.2.0' }, '0.1.0', true)).toBe('Holdfast 0.2.0 is ready — it installs when you quit.')
    expect(describeUpdateState({ kind: 'ready', version: '0.2.0' }, '0.1.0', false)).toBe(
      'Holdfast 0.2.0 is ready — choose Restart and install to install it.'
    )
  })

  it('says which version runs, whether it has checked, and when automatic checks are off', () => {
    expect(describeUpdateState({ kind: 'idle', lastCheckAt: null }, '0.1.0', true)).toBe('You have Holdfast 0.1.0. No update check yet.')
    expect(describeUpdateState({ kind: 'idle', lastCheckAt: null }, '0.1.0', false)).toBe('You have Holdfast 0.1.0. No update check yet. Automatic checks are off.')
    expect(describeUpdateState({ kind: 'idle', lastCheckAt: Date.UTC(2026, 11, 3) }, '0.1.0', true)).toMatch(/^You have Holdfast 0\.1\.0\. Last checked .+\.$/)
  })

  it('passes messages from the updater through', () => {
    expect(describeUpdateState({ kind: 'error', message: 'The update download was interrupted.' }, '0.1.0', true)).toBe('The update download was interrupted.')
  })
})
