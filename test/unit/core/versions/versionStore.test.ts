import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocStore } from '../../../../src/core/docs/docStore'
import { VersionStore } from '../../../../src/core/versions/versionStore'
import { initDesign, readDesign } from '../../../../src/shared/design/designDoc'
import { newTextLayer } from '../../../../src/shared/design/newLayers'
import { applyUpdates } from '../../../../src/shared/docs/yjsUpdates'
import { fragmentText } from '../../../../src/shared/docs/plainText'
import { DRAFT_BODY_FIELD } from '../../../../src/shared/editor/fields'
import { memoryDb } from '../../../support/docsDb'
import { draftDoc } from '../../../support/drafts'

const MINUTE = 60_000

function setup() {
  const db = memoryDb()
  const docs = new DocStore(db)
  docs.create('d', 'draft')
  const write = (text: string) => docs.append('d', [Y.encodeStateAsUpdate(draftDoc([['paragraph', text]]))])
  return { db, versions: new VersionStore(db), write }
}

describe('VersionStore', () => {
  it('versions a design (its text layers as the version’s words), even one with no text yet', async () => {
    const db = memoryDb()
    const docs = new DocStore(db)
    docs.create('poster', 'design')
    const canvas = { width: 1080, height: 1080, presetId: 'instagram-post', background: { kind: 'solid' as const, color: '#ffffff' } }
    const blank = new Y.Doc()
    initDesign(blank, canvas)
    await docs.append('poster', [Y.encodeStateAsUpdate(blank)])
    const versions = new VersionStore(db)
    expect(versions.create('poster', 'closed', null, 1000)).toMatchObject({ kind: 'closed', words: 0 })

    const titled = new Y.Doc()
    initDesign(titled, canvas, [newTextLayer('headline', canvas, 1, 'Spring sale now on')])
    await docs.append('poster', [Y.encodeStateAsUpdate(titled)])
    const version = versions.create('poster', 'closed', null, 2000)
    expect(version).toMatchObject({ words: 4 })
    const rebuilt = new Y.Doc()
    applyUpdates(rebuilt, [versions.get(version?.id ?? -1)?.state ?? new Uint8Array()])
    expect(readDesign(rebuilt)?.layers.map((layer) => layer.id)).toEqual(['headline'])
  })

  it('snapshots the stored text, and skips an unnamed version that would repeat the last', async () => {
    const { versions, write } = setup()
    await write('First lede')
    const first = versions.create('d', 'closed', null, 1000)
    expect(first).toMatchObject({ kind: 'closed', words: 2 })
    expect(versions.create('d', 'closed', null, 2000)).toBeNull()
    expect(versions.create('d', 'named', 'Sent to editor', 3000)).toMatchObject({ name: 'Sent to editor' })
    expect(versions.list('d').map((v) => v.kind)).toEqual(['named', 'closed'])
  })

  it('keeps the full state, so a version can be rebuilt exactly', async () => {
    const { versions, write } = setup()
    await write('Version one')
    const v = versions.create('d', 'named', 'one', 1)
    await write('Version two')
    const got = versions.get(v?.id ?? -1)
    expect(got?.text).toBe('Version one')
    const rebuilt = new Y.Doc()
    applyUpdates(rebuilt, [got?.state ?? new Uint8Array()])
    expect(fragmentText(rebuilt.getXmlFragment(DRAFT_BODY_FIELD))).toBe('Version one')
  })

  it('makes automatic versions at most once per five minutes of editing', async () => {
    const { versions, write } = setup()
    await write('a')
    expect(versions.autoVersion('d', 0)).not.toBeNull()
    await write('b')
    expect(versions.autoVersion('d', 4 * MINUTE)).toBeNull()
    expect(versions.autoVersion('d', 5 * MINUTE)).not.toBeNull()
  })

  it('prunes unnamed versions past the retention and keeps named ones', async () => {
    const { versions, write } = setup()
    const DAY = 24 * 60 * MINUTE
    await write('old')
    versions.create('d', 'closed', null, 0)
    versions.create('d', 'named', 'keep me', 0)
    await write('new')
    versions.create('d', 'closed', null, 100 * DAY)
    expect(versions.prune(90, 100 * DAY)).toBe(1)
    expect(versions.list('d').map((v) => v.name ?? v.kind)).toEqual(['closed', 'keep me'])
  })
})
