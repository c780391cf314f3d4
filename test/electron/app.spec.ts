import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

// The real desktop app, driven through Playwright's Electron support. With HOLDFAST_ELECTRON_APP set
// to a packaged app's executable (CI: the one electron-builder just built) it drives that app;
// otherwise it runs the built app (out/) on node_modules/electron's binary, and where that binary is
// missing every test is reported as skipped, with the reason.

const REPO_ROOT = resolve(import.meta.dirname, '../..')
const ELECTRON_PACKAGE = join(REPO_ROOT, 'node_modules/electron')

/** The executable's path inside Electron's dist folder, as node_modules/electron/install.js names it. */
function platformExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  if (process.platform === 'win32') return 'electron.exe'
  return 'electron'
}

/** What to start: an executable, and the app path it needs (none for a packaged app, which knows its own). */
interface Launchable {
  executablePath: string
  appArgs: string[]
}

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, without requiring that
 * module: requiring it starts a download from GitHub when the binary is missing.
 */
function findElectron(): Launchable | { skipReason: string } {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable()
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const executablePath = override ? join(override, relative) : join(ELECTRON_PACKAGE, 'dist', relative)
  if (existsSync(executablePath)) return { executablePath, appArgs: ['.'] }
  return {
    skipReason: override
      ? `Electron's binary is not at ${executablePath} (ELECTRON_OVERRIDE_DIST_PATH=${override})`
      : `Electron's binary is not installed (${executablePath} missing; it downloads from GitHub, which this machine cannot reach)`
  }
}

function findApp(): Launchable | { skipReason: string } {
  const packaged = process.env.HOLDFAST_ELECTRON_APP
  if (!packaged) return findElectron()
  // Asked for a packaged app: a wrong path is a broken setup, not a reason to skip.
  if (!existsSync(packaged)) throw new Error(`HOLDFAST_ELECTRON_APP is ${packaged}, but there is no such file`)
  return { executablePath: resolve(packaged), appArgs: [] }
}

const electron = findApp()

async function launchApp({ executablePath, appArgs }: Launchable, userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
  // The built renderer, not a dev server; Electron as itself, not as Node.
  delete env.ELECTRON_RENDERER_URL
  delete env.ELECTRON_RUN_AS_NODE
  const app = await _electron.launch({
    executablePath,
    // --user-data-dir isolates the app's data (and its single-instance lock) per test.
    // Chromium refuses to start as root with its sandbox on (CI containers run as root).
    args: [
      `--user-data-dir=${userDataDir}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...appArgs
    ],
    cwd: REPO_ROOT,
    env
  })
  const page = await app.firstWindow()
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
  return { app, page }
}

test.describe('Holdfast desktop app (Electron)', () => {
  const skipReason = 'skipReason' in electron ? electron.skipReason : null
  test.skip(skipReason !== null, skipReason ?? '')
  if (skipReason !== null) console.log(`Electron suite skipped: ${skipReason}`)
  const launchable = 'executablePath' in electron ? electron : { executablePath: '', appArgs: [] }

  let userDataDir = ''
  const apps: ElectronApplication[] = []
  const start = async (): Promise<{ app: ElectronApplication; page: Page }> => {
    const launched = await launchApp(launchable, userDataDir)
    apps.push(launched.app)
    return launched
  }

  test.beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'holdfast-electron-'))
  })

  test.afterEach(async () => {
    for (const app of apps.splice(0)) await app.close().catch(() => undefined)
    await rm(userDataDir, { recursive: true, force: true })
  })

  test('the window shows the layout and local storage', async () => {
    const { page } = await start()
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Drafts' })).toBeVisible()
    await expect(page.getByRole('contentinfo')).toContainText('Stored on this computer')
  })

  test('the window is isolated and sandboxed, without Node', async () => {
    const { app, page } = await start()
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => {
        // Electron keeps each window's effective webPreferences; the method is not in its typings.
        const contents = window.webContents as typeof window.webContents & {
          getLastWebPreferences?: () => Record<string, unknown> | null
        }
        const prefs = contents.getLastWebPreferences?.()
        if (!prefs) return 'webContents.getLastWebPreferences() returned nothing'
        return { contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration }
      })
    )
    expect(preferences).toEqual([{ contextIsolation: true, sandbox: true, nodeIntegration: false }])
    // And from the page: no Node globals.
    expect(await page.evaluate(() => [typeof globalThis.require, typeof globalThis.process])).toEqual(['undefined', 'undefined'])
  })

  test('window.open opens no new window', async () => {
    const { app, page } = await start()
    const opened = await page.evaluate(() => [window.open('/index.html'), window.open('about:blank')].map((w) => w === null))
    expect(opened).toEqual([true, true])
    // Give a window that should not exist the time to appear.
    await page.waitForTimeout(500)
    expect(app.windows()).toHaveLength(1)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })

  test('a shared workspace in the window signals through its core (reachable, waiting for teammates)', async () => {
    const { page } = await start()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Team' }).click()
    await page.getByRole('textbox', { name: 'Team name' }).fill('Newsroom')
    await page.getByRole('button', { name: 'Create team' }).click()
    await expect(page.getByText('This workspace is shared with Newsroom.')).toBeVisible()
    await expect(page.getByText(/cannot sync with teammates/)).toHaveCount(0)
    // "No teammates online" (not "Sync offline"): the window's y-webrtc reached the core's loopback signaling.
    await expect(page.getByRole('status', { name: 'Workspace sync' })).toHaveText('No teammates online', { timeout: 15_000 })
  })

  test('the theme setting survives a restart of the app', async () => {
    const first = await start()
    await first.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    const settings = first.page.getByRole('dialog', { name: 'Settings' })
    await settings.getByRole('radio', { name: 'Dark' }).check()
    await expect(first.page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await first.app.close()

    const second = await start()
    await expect(second.page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await second.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    await expect(second.page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Dark' })).toBeChecked()
  })
})
