import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import * as Y from 'yjs'
import { DocIdSchema } from '../../src/shared/contracts/docs'
import { HeadlessLauncher } from '../e2e/fixtures/headless'
import { connectToHeadless } from '../e2e/fixtures/rpcClient'
import { writeTinyTextModel } from '../fixtures/tinyModels/textModel'

// The packaged app's own files (app.asar extracted, its unpacked native parts copied in) run in
// headless mode under this Node: what the package holds is enough to start, store drafts in
// SQLite, answer from a local model and serve the window.

const SENTENCE = 'The packaged app answers offline.'
const { extractedDir } = inject('packagedApp')
const launcher = new HeadlessLauncher(extractedDir)
let workDir = ''

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'holdfast-packaged-run-'))
  await writeTinyTextModel(join(workDir, 'models'), { sentence: SENTENCE })
})

afterAll(async () => {
  await launcher.stopAll()
  await rm(workDir, { recursive: true, force: true })
})

it('starts from the packaged files, keeps a draft in SQLite across a restart, answers from a local model and serves the window', async () => {
  const args = ['--models', join(workDir, 'models')]
  const first = await launcher.launch(join(workDir, 'data'), args)

  // The window: the page and the script it loads.
  const page = await (await fetch(first.url)).text()
  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(page)?.[1]
  expect(script, page).toBeDefined()
  const bundle = await fetch(new URL(script ?? '', first.url))
  expect(bundle.status).toBe(200)
  expect(bundle.headers.get('content-type')).toMatch(/javascript/)

  // SQLite through the packaged better-sqlite3: a draft's text is stored, and there after a restart.
  const docId = DocIdSchema.parse(`packaged-${Date.now()}`)
  const doc = new Y.Doc()
  doc.getText('body').insert(0, 'Stored by the packaged app.')
  let rpc = await connectToHeadless(first.url)
  await rpc.client.docs.create({ docId, kind: 'draft' })
  await rpc.client.docs.append({ docId, updates: [Y.encodeStateAsUpdate(doc)] })
  rpc.close()
  const second = await first.restart()
  rpc = await connectToHeadless(second.url)
  const stored = await rpc.client.docs.load({ docId })
  const reopened = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(reopened, update)
  expect(reopened.getText('body').toJSON()).toBe('Stored by the packaged app.')

  // The tiny model through the packaged transformers.js and onnxruntime-node, in the inference worker.
  let answer = ''
  const attempts: string[] = []
  for await (const event of await rpc.client.ai.assist({ request: { action: 'continue', text: 'Ferries' }, localOnly: true })) {
    if (event.type === 'token') answer += event.text
    if (event.type === 'attempt') attempts.push(event.label)
  }
  rpc.close()
  expect(attempts).toEqual([expect.stringMatching(/local/i)])
  expect(answer).toContain(SENTENCE)
  expect(second.stderr).not.toMatch(/error/i)
})

it('a relay started from the packaged files says the build has no WebRTC for Node, and the rest carries on', async () => {
  const relay = await launcher.launch(join(workDir, 'relay-data'), ['--relay'])
  await expect.poll(() => relay.stderr, { timeout: 15_000 }).toContain('Holdfast relay: not running')
  expect(relay.stderr).toContain('it needs WebRTC for Node (@roamhq/wrtc), which this build does not include')
  expect((await fetch(relay.url)).status).toBe(200)
})
