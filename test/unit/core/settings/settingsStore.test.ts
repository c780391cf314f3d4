import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
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
    expect(store().settings.read()).toEqual({ theme: 'system', versionRetentionDays: 90 })
  })

  it('saves a change and reads it back', () => {
    const { settings } = store()
    expect(settings.update({ theme: 'dark', versionRetentionDays: 90 })).toEqual({ theme: 'dark', versionRetentionDays: 90 })
    expect(settings.read()).toEqual({ theme: 'dark', versionRetentionDays: 90 })
  })

  it('falls back to the default for a stored value that no longer fits', () => {
    const { db, settings } = store()
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('theme', '"sepia"', 1)
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('retired', '"x"', 1)
    expect(settings.read()).toEqual({ theme: 'system', versionRetentionDays: 90 })
    db.prepare("UPDATE settings SET value = 'not json' WHERE key = 'theme'").run()
    expect(settings.read()).toEqual({ theme: 'system', versionRetentionDays: 90 })
  })

  it('treats an explicit undefined as "unchanged"', () => {
    const { settings } = store()
    settings.update({ theme: 'light', versionRetentionDays: 90 })
    expect(settings.update({ theme: undefined })).toEqual({ theme: 'light', versionRetentionDays: 90 })
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
    settings.update({ theme: 'dark', versionRetentionDays: 90 })
    settings.update({ theme: 'light', versionRetentionDays: 90 })
    await done.catch(() => undefined)
    expect(seen).toEqual([{ theme: 'dark', versionRetentionDays: 90 }, { theme: 'light', versionRetentionDays: 90 }])
  })
})
