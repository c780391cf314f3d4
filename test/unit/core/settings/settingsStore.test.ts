import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../../src/shared/contracts/settings'
import { SettingsStore } from '../../../../src/core/settings/settingsStore'
import { migrate } from '../../../../src/core/storage/migrate'
import { migrations } from '../../../../src/core/storage/migrations'

function store() {
  const db = new Database(':memory:')
  migrate(db, migrations)
  return { db, settings: new SettingsStore(db) }
}

describe('SettingsStore', () => {
  it('starts from the defaults', () => {
    expect(store().settings.read()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
  })

  it('saves a change and reads it back', () => {
    const { settings } = store()
    expect(settings.update({ ...DEFAULT_SETTINGS, theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
    expect(settings.read()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
  })

  it('falls back to the default for a stored value that no longer fits', () => {
    const { db, settings } = store()
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('theme', '"sepia"', 1)
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('retired', '"x"', 1)
    expect(settings.read()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
    db.prepare("UPDATE settings SET value = 'not json' WHERE key = 'theme'").run()
    expect(settings.read()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
  })

  it('treats an explicit undefined as "unchanged"', () => {
    const { settings } = store()
    settings.update({ ...DEFAULT_SETTINGS, theme: 'light' })
    expect(settings.update({ theme: undefined })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' })
  })

  it('publishes the full settings to subscribers after each change', async () => {
    const { settings } = store()
    const abort = new AbortController()
    const seen: unknown[] = []
    const done = (async () => {
      for await (const next of settings.events.subscribe('changed', { signal: abort.signal })) {
        seen.push(next)
        if (seen.length === 2) abort.abort()
      }
    })()
    settings.update({ ...DEFAULT_SETTINGS, theme: 'dark' })
    settings.update({ ...DEFAULT_SETTINGS, theme: 'light' })
    await done.catch(() => undefined)
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, theme: 'dark' }, { ...DEFAULT_SETTINGS, theme: 'light' }])
  })
})
