import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../src/core/storage/openDatabase'
import { TeamStore } from '../../../../../src/core/sync/team/teamStore'
import { useTempDirs } from '../../../../support/tempDir'

const tempDir = useTempDirs()

describe('team store', () => {
  it('keeps catch-up markers per document, and forgets them when the team changes', () => {
    const { db } = openDatabase(join(tempDir(), 'holdfast.db'))
    const store = new TeamStore(db!)
    store.insert({ workspaceId: 'a'.repeat(32), name: 'One', joinedAt: 1, encryptedKey: null })
    store.setMarkers([
      { docId: 'd1', marker: 10 },
      { docId: 'd2', marker: 20 }
    ])
    store.setMarkers([{ docId: 'd1', marker: 11 }])
    expect(store.markers()).toEqual({ d1: 11, d2: 20 })
    store.remove()
    expect(store.markers()).toEqual({})
    store.setMarkers([{ docId: 'd3', marker: 1 }])
    store.insert({ workspaceId: 'b'.repeat(32), name: 'Two', joinedAt: 2, encryptedKey: null })
    expect(store.markers()).toEqual({})
  })
})
