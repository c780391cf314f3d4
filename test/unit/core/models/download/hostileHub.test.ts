import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { downloadModel } from '../../../../../src/core/models/download'
import { modelFolder } from '../../../../../src/core/models/installedModels'
import { startTinyModelHub, TINY_REPO_ID, type TinyModelHub } from '../../../../fixtures/fakeHub'

type ApiBody = Record<string, unknown>
type Sibling = Record<string, unknown>

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key))
}

function withSiblings(body: ApiBody, change: (siblings: Sibling[]) => Sibling[]): ApiBody {
  return { ...body, siblings: change(body.siblings as Sibling[]) }
}

function changeFile(path: string, change: (sibling: Sibling) => Sibling) {
  return (body: ApiBody) => withSiblings(body, (siblings) => siblings.map((sibling) => (sibling.rfilename === path ? change(sibling) : sibling)))
}

describe('downloadModel distrusts the Hub API answer', () => {
  let setup: TinyModelHub

  beforeEach(async () => {
    setup = await startTinyModelHub()
  })

  afterEach(async () => {
    await setup.close()
  })

  it.each<[string, (body: ApiBody) => unknown]>([
    ['a body that is not an object', () => 'siblings'],
    ['no commit sha', (body) => without(body, 'sha')],
    ['a commit sha that is not one', (body) => ({ ...body, sha: 'main' })],
    ['no file list', (body) => without(body, 'siblings')],
    ['a file without a size', changeFile('config.json', (sibling) => without(sibling, 'size'))],
    ['a negative size', changeFile('config.json', (sibling) => ({ ...sibling, size: -1 }))],
    ['an absurd size', changeFile('onnx/model.onnx', (sibling) => ({ ...sibling, size: 1e15, lfs: { ...(sibling.lfs as object), size: 1e15 } }))],
    ['an LFS size that differs from the file size', changeFile('onnx/model.onnx', (sibling) => ({ ...sibling, lfs: { ...(sibling.lfs as object), size: 1 } }))],
    ['an LFS hash that is not SHA-256', changeFile('onnx/model.onnx', (sibling) => ({ ...sibling, lfs: { ...(sibling.lfs as object), sha256: 'not-a-hash' } }))],
    ['a path climbing out of the repository', (body) => withSiblings(body, (siblings) => [...siblings, { rfilename: '../../outside.json', size: 2, blobId: 'a'.repeat(40) }])],
    ['an absolute path', (body) => withSiblings(body, (siblings) => [...siblings, { rfilename: '/etc/passwd', size: 2, blobId: 'a'.repeat(40) }])]
  ])('rejects %s as a bad response and downloads nothing', async (_case, rewrite) => {
    const { hub, modelsDir, model } = setup
    hub.setApiRewrite(rewrite)

    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model })).rejects.toMatchObject({
      kind: 'bad-response',
      message: expect.stringMatching(/^The Hugging Face Hub sent an answer Holdfast cannot use for Tiny Text: .*Try again later/) as unknown
    })
    expect(hub.requests.filter((request) => request.kind !== 'api')).toEqual([])
    expect(existsSync(modelFolder(modelsDir, TINY_REPO_ID))).toBe(false)
  })

  it('rejects an answer for another commit than the pinned one', async () => {
    const { hub, modelsDir, model } = setup
    const pinned = hub.mainCommit(TINY_REPO_ID)
    hub.setApiRewrite((body) => ({ ...body, sha: 'b'.repeat(40) }))

    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model: { ...model, revision: pinned } })).rejects.toMatchObject({ kind: 'bad-response' })
  })
})
