import { BrowserWindow, shell } from 'electron'
import { APP_ORIGIN, lockDownContents, secureWebPreferences } from './security'

export interface WindowOptions {
  preload: string
  /** The Vite dev server in development; the app:// origin otherwise. */
  devServerUrl: string | undefined
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Holdfast',
    webPreferences: secureWebPreferences(options.preload)
  })
  lockDownContents(window.webContents, (url) => shell.openExternal(url))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return window
}
