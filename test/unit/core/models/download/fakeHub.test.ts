import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gitBlobId, sha256Hex, startFakeHub, type FakeHub } from '../../../../fixtures/fakeHub'

// The fake must speak the Hub's layout, or the downloader's tests prove nothing about the real one.

const REPO = 'owner/model'
const weights = new Uint8Array(5000).map((_, index) => index % 251)
const config = '{"model_type":"gpt2"}'

describe('the fake Hub', () => {
  let hub: FakeHub

  beforeEach(async () => {
    hub = await startFakeHub({ repos: { [REPO]: { 'config.json': config, 'onnx/model.onnx': weights } } })
  })

  afterEach(async () => {
    await hub.close()
  })

  it('lists files with blob ids, and LFS hashes for the weights, at "main" or the commit', async () => {
    const commit = hub.mainCommit(REPO)
    const byMain = (await (await fetch(`${hub.url}/api/models/${REPO}/revision/main?blobs=true`)).json()) as Record<string, unknown>
    const byCommit = (await (await fetch(`${hub.url}/api/models/${REPO}/revision/${commit}?blobs=true`)).json()) as Record<string, unknown>

    expect(byCommit).toEqual(byMain)
    expect(byMain).toMatchObject({
      id: REPO,
      sha: commit,
      siblings: [
        { rfilename: 'config.json', size: config.length, blobId: gitBlobId(new TextEncoder().encode(config)) },
        { rfilename: 'onnx/model.onnx', size: weights.byteLength, lfs: { sha256: sha256Hex(weights), size: weights.byteLength } }
      ]
    })
    expect((await fetch(`${hub.url}/api/models/nobody/none/revision/main`)).status).toBe(401)
  })

  it('answers HEAD on an LFS file with a redirect carrying the linked ETag and size', async () => {
    const response = await fetch(`${hub.url}/${REPO}/resolve/main/onnx/model.onnx`, { method: 'HEAD', redirect: 'manual' })

    expect(response.status).toBe(302)
    expect(response.headers.get('x-linked-etag')).toBe(`"${sha256Hex(weights)}"`)
    expect(response.headers.get('x-linked-size')).toBe(String(weights.byteLength))
    expect(response.headers.get('x-repo-commit')).toBe(hub.mainCommit(REPO))
  })

  it('serves ranges with 206 and refuses ranges past the end with 416', async () => {
    const part = await fetch(`${hub.url}/${REPO}/resolve/main/onnx/model.onnx`, { headers: { range: 'bytes=4000-' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 4000-4999/${weights.byteLength}`)
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(weights.subarray(4000))

    const past = await fetch(`${hub.url}/${REPO}/resolve/main/config.json`, { headers: { range: 'bytes=999-' } })
    expect(past.status).toBe(416)
    await past.body?.cancel()
  })

  it('serves a small file directly with its blob id as ETag', async () => {
    const response = await fetch(`${hub.url}/${REPO}/resolve/main/config.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe(`"${gitBlobId(new TextEncoder().encode(config))}"`)
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(await response.text()).toBe(config)
  })
})
