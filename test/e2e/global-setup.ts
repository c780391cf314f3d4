import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { HEADLESS_ENTRY, REPO_ROOT } from './fixtures/headless'

/** The end-to-end tests run the built app: fail at once, with the fix, when it is missing. */
export default function globalSetup(): void {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 22) {
    throw new Error(
      `The end-to-end tests need Node 22 or later (better-sqlite3 needs Node-API 10), but this is Node ${process.versions.node} ` +
        `(${process.execPath}). Run them through npm (\`npm run test:e2e\`), or put node_modules/.bin first on PATH.`
    )
  }
  const missing = [HEADLESS_ENTRY, 'out/main/index.js', 'out/renderer/index.html'].filter(
    (file) => !existsSync(join(REPO_ROOT, file))
  )
  if (missing.length > 0) {
    throw new Error(
      `The built app is missing (${missing.join(', ')} not found in ${REPO_ROOT}). ` +
        'Build it first with `npm run build`; `npm test` builds before it runs the end-to-end tests.'
    )
  }
}
