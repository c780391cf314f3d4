import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

export interface HeadlessArgs {
  /** Folder for the workspace database. */
  dataDir: string
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** A JSON file with the AI providers (keys referenced by environment variable name). */
  providersFile?: string
  /** The installed local models; default `<dataDir>/models`. */
  modelsDir?: string
}

export const USAGE = 'Usage: npm run headless -- --data DIR [--port N] [--providers FILE] [--models DIR]'

export class UsageError extends Error {}

export function parseHeadlessArgs(argv: readonly string[]): HeadlessArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: { data: { type: 'string' }, port: { type: 'string', default: '4310' }, providers: { type: 'string' }, models: { type: 'string' } },
      strict: true
    }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
  if (!values.data) throw new UsageError(`--data is required.\n${USAGE}`)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".\n${USAGE}`)
  }
  return {
    dataDir: resolve(values.data),
    port,
    providersFile: values.providers === undefined ? undefined : resolve(values.providers),
    modelsDir: values.models === undefined ? undefined : resolve(values.models)
  }
}
