import { describe, expect, it, vi } from 'vitest'
import {
  APP_ORIGIN,
  applyContentSecurityPolicy,
  denyPermissions,
  isSafeExternalUrl,
  isTrustedSender,
  lockDownContents,
  secureWebPreferences,
  trustedOrigins
} from '../../../src/main/security'

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false
    })
  })
})

describe('isTrustedSender', () => {
  const origins = trustedOrigins(undefined)

  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null }, origins)).toBe(true)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null }, origins)).toBe(false)
    const top = { url: `${APP_ORIGIN}/index.html`, parent: null }
    expect(isTrustedSender({ url: `${APP_ORIGIN}/frame.html`, parent: top as never }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'not a url', parent: null }, origins)).toBe(false)
    expect(isTrustedSender(null, origins)).toBe(false)
  })

  it('trusts the dev server only when one is configured', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, trustedOrigins('http://localhost:5173'))).toBe(true)
  })
})

describe('isSafeExternalUrl', () => {
  it('allows plain http(s) links only', () => {
    expect(isSafeExternalUrl('https://example.com/article?id=1')).toBe(true)
    expect(isSafeExternalUrl('http://example.com')).toBe(true)
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isSafeExternalUrl('smb://share/x')).toBe(false)
    expect(isSafeExternalUrl('https://user:pass@example.com')).toBe(false)
    expect(isSafeExternalUrl('not a url')).toBe(false)
  })
})

describe('lockDownContents', () => {
  function fakeContents() {
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    return {
      contents: {
        on: (name: string, handler: (event: { preventDefault(): void }) => void) => void handlers.set(name, handler),
        setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler)
      },
      emit(name: string) {
        const event = { preventDefault: vi.fn() }
        handlers.get(name)?.(event)
        return event
      },
      open: (url: string) => openHandler?.({ url })
    }
  }

  it('prevents navigation, redirects and webviews', () => {
    const fake = fakeContents()
    lockDownContents(fake.contents as never, vi.fn())
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(fake.emit(name).preventDefault).toHaveBeenCalled()
    }
  })

  it('denies every new window and opens only safe links in the OS browser', () => {
    const fake = fakeContents()
    const openExternal = vi.fn()
    lockDownContents(fake.contents as never, openExternal)
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' })
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://example.com/']])
  })
})

describe('session policies', () => {
  it('sets the CSP on every response', () => {
    let listener: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined
    applyContentSecurityPolicy({ webRequest: { onHeadersReceived: (l: typeof listener) => void (listener = l) } } as never, undefined)
    const callback = vi.fn()
    listener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    const headers = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders
    expect(headers['Content-Type']).toEqual(['text/html'])
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'; script-src 'self';/)
    // The window may reach its core's loopback signaling, and nothing else besides its own origin.
    expect(headers['Content-Security-Policy']?.[0]).toContain("connect-src 'self' ws://127.0.0.1:*;")
  })

  it('denies permission requests', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    denyPermissions({
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h)
    } as never)
    const callback = vi.fn()
    request?.({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(check?.()).toBe(false)
  })
})
