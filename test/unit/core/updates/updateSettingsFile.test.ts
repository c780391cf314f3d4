import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { updateSettingsFile } from '../../../../src/core/updates/updateSettingsFile'
import { DEFAULT_UPDATE_SETTINGS } from '../../../../src/shared/contracts/updates'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

describe('updateSettingsFile', () => {
  it('starts from the defaults and reads back what it wrote', () => {
    const file = join(tempDir(), 'update-settings.json')
    expect(updateSettingsFile(file).read()).toEqual(DEFAULT_UPDATE_SETTINGS)
    const settings = { automatic: false, channel: 'beta' as const, feedUrl: 'https://updates.example.com/holdfast' }
    updateSettingsFile(file).write(settings)
    expect(updateSettingsFile(file).read()).toEqual(settings)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(settings)
  })

  it('falls back to the default for each value that does not fit, keeping the others', () => {
    const file = join(tempDir(), 'update-settings.json')
    writeFileSync(file, JSON.stringify({ automatic: false, channel: 'nightly', feedUrl: 'http://updates.example.com/' }))
    expect(updateSettingsFile(file).read()).toEqual({ ...DEFAULT_UPDATE_SETTINGS, automatic: false })
    writeFileSync(file, 'not json')
    expect(updateSettingsFile(file).read()).toEqual(DEFAULT_UPDATE_SETTINGS)
  })

  it('says so when it cannot write', () => {
    expect(() => updateSettingsFile(join(tempDir(), 'missing', 'update-settings.json')).write(DEFAULT_UPDATE_SETTINGS)).toThrow(/ENOENT/)
  })
})
