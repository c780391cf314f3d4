/* global window, document, MutationObserver, requestAnimationFrame */
// bench:local's probes inside the page (page.addInitScript, before the app's own code runs).
// They only read clocks; the app runs unchanged. Results are read back from window.__bench.
//
// 1. The RPC WebSocket: when each frame is sent and received, on the clock the inference
//    worker also uses (performance.timeOrigin + performance.now(), and its skew).
// 2. Typing: for each keydown (its event.timeStamp), the next frame after it (the renderer's own
//    paint of the key) and the frame after the save status next turns to "Saved" once the key is
//    in the editor (the core's durable acknowledgement of that key, painted).

const clock = () => performance.timeOrigin + performance.now()

/** This page's clock skew from the wall clock, as timedInferenceWorker.js measures its own. */
function clockSkewMs() {
  let sum = 0
  let samples = 0
  for (const end = performance.now() + 20; performance.now() < end; samples++) sum += clock() - Date.now()
  return sum / samples - 0.5
}

const bench = { skewMs: clockSkewMs(), sent: [], received: [], keys: [] }
window.__bench = bench

const NativeWebSocket = WebSocket
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args)
    // Added before the RPC client's listener, so it reads the clock first.
    this.addEventListener('message', (event) => {
      if (typeof event.data === 'string') bench.received.push({ at: clock(), data: event.data })
    })
  }

  send(data) {
    if (typeof data === 'string') bench.sent.push({ at: clock(), data })
    super.send(data)
  }
}

/** Starts timing keys typed into the editor against the save status (role=status.save-status). */
window.__benchWatchTyping = () => {
  const status = document.querySelector('.save-status[role="status"]')
  const editor = document.querySelector('.ProseMirror')
  if (!status || !editor) throw new Error('No save status or editor on the page.')
  let pending = []
  document.addEventListener(
    'keydown',
    (event) => {
      const key = { down: event.timeStamp, painted: null, saved: null, inEditor: false }
      bench.keys.push(key)
      pending.push(key)
      requestAnimationFrame(() => (key.painted = performance.now()))
    },
    true
  )
  // The editor's DOM changes once the key is applied. ProseMirror's own observer was created
  // first, so by now it has turned the change into a document update, which makes the status
  // "Saving…" (it is written only on changes of state, not for every key).
  new MutationObserver(() => {
    for (const key of pending) key.inEditor = true
  }).observe(editor, { childList: true, characterData: true, subtree: true })
  // Every write of the status text is a new text node: one record each, in order.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node.textContent ?? '').startsWith('Saved')) continue
        const acknowledged = pending.filter((key) => key.inEditor)
        pending = pending.filter((key) => !key.inEditor)
        requestAnimationFrame(() => {
          const at = performance.now()
          for (const key of acknowledged) key.saved = at
        })
      }
    }
  }).observe(status, { childList: true })
}
