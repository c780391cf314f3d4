/* global window, document, location */
// The baseline for bench:sync: a page with nothing but yjs and y-webrtc. A key typed in the
// editor goes into a Y.Text; the Y.Text is rendered back into the editor on every change, local
// or remote. Bundled by bench/sync.ts (esbuild) and served next to y-webrtc's own signaling server.
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'

const params = new URLSearchParams(location.search)
const doc = new Y.Doc()
const text = doc.getText('text')
const provider = new WebrtcProvider(params.get('room') ?? 'baseline', doc, {
  signaling: [params.get('signaling') ?? ''],
  peerOpts: { config: { iceServers: [] } }
})
const editor = document.getElementById('editor')
editor.addEventListener('keydown', (event) => {
  if (event.key.length !== 1) return
  event.preventDefault()
  text.insert(text.length, event.key)
})
text.observe(() => {
  editor.textContent = text.toJSON()
})
window.baselineProvider = provider
