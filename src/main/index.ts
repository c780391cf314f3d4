import { app, BrowserWindow, ipcMain, net, session } from 'electron'
import electronUpdater from 'electron-updater'
import { join } from 'node:path'
import { IpcChannel } from '../shared/ipc'
import { proxyUrlFromResolvedProxy } from '../shared/net/proxyRules'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { CoreHost } from './coreHost'
import { applyContentSecurityPolicy, denyPermissions, isTrustedSender, trustedOrigins } from './security'
import { AppUpdates } from './updates/appUpdates'
import { lastUpdateCheckFile } from './updates/lastUpdateCheck'
import { createMainWindow } from './windows'

// Composition root of the Electron main process: OS integration only. All work happens in the core.

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const preload = join(import.meta.dirname, '../preload/index.cjs')
const origins = trustedOrigins(devServerUrl)

if (process.env.APPIMAGE_EXIT_AFTER_INSTALL === 'true') {
  // electron-updater runs a just-installed AppImage once with this set, and waits for it to exit.
  app.exit(0)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  const updates = new AppUpdates({
    updater: electronUpdater.autoUpdater,
    packaged: app.isPackaged,
    online: () => net.isOnline(),
    lastCheck: lastUpdateCheckFile(join(app.getPath('userData'), 'update-check.json')),
    onState: (state) => core.updateStateChanged(state),
    beforeInstall: async () => {
      await core.stop()
      app.releaseSingleInstanceLock()
    },
    restart: () => {
      app.relaunch()
      app.quit()
    }
  })
  const core = new CoreHost(join(import.meta.dirname, 'core.js'), app.getPath('userData'), origins, (message) => updates.receive(message))

  const openWindow = (): BrowserWindow => createMainWindow({ preload, devServerUrl })

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return void openWindow()
    if (window.isMinimized()) window.restore()
    window.focus()
  })

  ipcMain.on(IpcChannel.connectCore, (event) => {
    if (!isTrustedSender(event.senderFrame, origins)) return
    core.connect(event.sender)
  })

  void app.whenReady().then(async () => {
    serveRenderer(join(import.meta.dirname, '../renderer'))
    applyContentSecurityPolicy(session.defaultSession, devServerUrl)
    denyPermissions(session.defaultSession)
    // The core is plain Node and would not see the system proxy (or a PAC file): resolve it here
    // for the AI providers, so a newsroom proxy is not mistaken for an outage.
    const proxy = proxyUrlFromResolvedProxy(await session.defaultSession.resolveProxy('https://api.openai.com/'))
    core.start(proxy && !process.env.HTTPS_PROXY ? { HTTPS_PROXY: proxy, HTTP_PROXY: proxy } : {})
    openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  let coreStopped = false
  app.on('before-quit', (event) => {
    if (coreStopped) return
    event.preventDefault()
    void core.stop().finally(() => {
      coreStopped = true
      app.quit()
    })
  })
}
