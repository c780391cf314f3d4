import type { Session, WebContents, WebPreferences, WebFrameMain } from 'electron'
import { contentSecurityPolicy, WINDOW_SIGNALING_SOURCE } from '../shared/security/csp'

/** The renderer's own origin in the packaged app (see appProtocol.ts). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://holdfast`

/** Every BrowserWindow gets exactly these: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false
  }
}

/** Origins the renderer may be loaded from: the app's own, or the Vite dev server in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  return devServerUrl ? [APP_ORIGIN, originOf(devServerUrl)] : [APP_ORIGIN]
}

/** scheme://host[:port]. URL.origin is "null" for schemes Node does not know, such as app:. */
function originOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}`
}

/** An IPC message is honoured only from the top frame of a page we loaded ourselves. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null, origins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false
  try {
    return origins.includes(originOf(frame.url))
  } catch {
    return false
  }
}

/** Links the user clicks may open in the OS browser only if they are plain http(s) with no credentials. */
export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname !== ''
}

/** Sets the CSP on every response of the session (covers the dev server; appProtocol sets it too). */
export function applyContentSecurityPolicy(session: Pick<Session, 'webRequest'>, devServerUrl: string | undefined): void {
  const policy = contentSecurityPolicy({ connect: [WINDOW_SIGNALING_SOURCE], ...(devServerUrl ? { devServer: originOf(devServerUrl) } : {}) })
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}

/** Denies every permission request (camera, notifications, ...) until a feature asks for one on purpose. */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * No navigation away from the app and no new windows. A link with target=_blank to an
 * http(s) page opens in the OS browser instead, after validation.
 */
export function lockDownContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => unknown
): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url)
    return { action: 'deny' }
  })
}
