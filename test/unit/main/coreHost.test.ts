import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron cannot run here, so its two members used by CoreHost are replaced by fakes.
class FakeChild extends EventEmitter {
  sent: { message: unknown; ports: unknown[] }[] = []
  postMessage(message: unknown, ports: unknown[] = []): void {
    this.sent.push({ message, ports })
    if ((message as { type: string }).type === 'shutdown') setImmediate(() => this.emit('exit', 0))
  }
  kill = vi.fn(() => this.emit('exit', null))
}
const children: FakeChild[] = []
const fork = vi.fn(() => {
  const child = new FakeChild()
  children.push(child)
  return child
})

const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
  decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, '')
}

vi.mock('electron', () => ({
  utilityProcess: { fork },
  safeStorage,
  MessageChannelMain: class {
    port1 = { name: 'port1' }
    port2 = { name: 'port2' }
  }
}))

const { CoreHost } = await import('../../../src/main/coreHost')

class FakeContents extends EventEmitter {
  received: { channel: string; ports: unknown[] }[] = []
  postMessage(channel: string, _message: unknown, ports: unknown[]): void {
    this.received.push({ channel, ports })
  }
}

beforeEach(() => {
  children.length = 0
  fork.mockClear()
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

describe('CoreHost', () => {
  it('starts the core with the data folder (and the window origins its signaling admits) and gives a window one end of a new channel', () => {
    const host = new CoreHost('/app/out/main/core.js', '/home/me/.config/Holdfast', ['app://holdfast'], () => undefined)
    host.start()
    expect(fork).toHaveBeenCalledWith('/app/out/main/core.js', [], expect.objectContaining({
      env: expect.objectContaining({ HOLDFAST_DATA_DIR: '/home/me/.config/Holdfast', HOLDFAST_WINDOW_ORIGINS: 'app://holdfast' }) as unknown
    }))
    const window = new FakeContents()
    host.connect(window as never)
    expect(children[0]?.sent).toEqual([{ message: { type: 'connect' }, ports: [{ name: 'port1' }] }])
    expect(window.received).toEqual([{ channel: 'holdfast:core-port', ports: [{ name: 'port2' }] }])
  })

  it('does keychain work for the core and ignores anything else it sends', () => {
    const host = new CoreHost('core.js', '/data', ['app://holdfast'], () => undefined)
    host.start({ HTTPS_PROXY: 'http://proxy.corp:8080' })
    expect(fork).toHaveBeenCalledWith('core.js', [], expect.objectContaining({
      env: expect.objectContaining({ HTTPS_PROXY: 'http://proxy.corp:8080', HOLDFAST_KEY_STORAGE: 'os' }) as unknown
    }))
    const child = children[0]
    child?.emit('message', { type: 'secret-request', id: 7, op: 'encrypt', value: 'sk-live-123' })
    child?.emit('message', { type: 'secret-request', id: 8, op: 'decrypt', value: new Uint8Array(Buffer.from('sealed:sk-live-123')) })
    child?.emit('message', { type: 'connect' })
    child?.emit('message', 'garbage')
    expect(child?.sent.map((s) => s.message)).toEqual([
      { type: 'secret-reply', id: 7, ok: true, value: new Uint8Array(Buffer.from('sealed:sk-live-123')) },
      { type: 'secret-reply', id: 8, ok: true, value: 'sk-live-123' }
    ])
  })

  it('passes the core’s update messages on, refuses malformed ones, and tells the core the update state', () => {
    const received: unknown[] = []
    const host = new CoreHost('core.js', '/data', ['app://holdfast'], (message) => received.push(message))
    host.start()
    const child = children[0]
    const settings = { automatic: true, channel: 'beta', feedUrl: 'https://updates.example.com/holdfast' }
    child?.emit('message', { type: 'update-settings', settings })
    child?.emit('message', { type: 'ai-activity', generating: true })
    child?.emit('message', { type: 'update-command', command: 'install' })
    // Malformed: a plain-http feed on another host, an unknown channel, an unknown command, a missing field.
    child?.emit('message', { type: 'update-settings', settings: { ...settings, feedUrl: 'http://updates.example.com/' } })
    child?.emit('message', { type: 'update-settings', settings: { ...settings, channel: 'nightly' } })
    child?.emit('message', { type: 'update-command', command: 'format-disk' })
    child?.emit('message', { type: 'ai-activity' })
    expect(received).toEqual([
      { type: 'update-settings', settings },
      { type: 'ai-activity', generating: true },
      { type: 'update-command', command: 'install' }
    ])
    host.updateStateChanged({ kind: 'downloading', version: '0.2.0', percent: 42 })
    expect(child?.sent.map((s) => s.message)).toEqual([{ type: 'update-state', state: { kind: 'downloading', version: '0.2.0', percent: 42 } }])
  })

  it('restarts a core that died and reconnects every open window', () => {
    const host = new CoreHost('core.js', '/data', ['app://holdfast'], () => undefined)
    host.start()
    const windows = [new FakeContents(), new FakeContents()]
    for (const w of windows) host.connect(w as never)
    windows[1]?.emit('destroyed')
    children[0]?.emit('exit', 139)
    expect(fork).toHaveBeenCalledTimes(2)
    expect(windows[0]?.received).toHaveLength(2)
    expect(windows[1]?.received).toHaveLength(1)
    expect(children[1]?.sent).toHaveLength(1)
  })

  it('asks the core to shut down on quit and does not restart it', async () => {
    const host = new CoreHost('core.js', '/data', ['app://holdfast'], () => undefined)
    host.start()
    await host.stop()
    expect(children[0]?.sent.map((s) => s.message)).toEqual([{ type: 'shutdown' }])
    expect(fork).toHaveBeenCalledTimes(1)
  })
})
