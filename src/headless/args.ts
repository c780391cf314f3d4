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
  /**
   * Where local models run, for benchmarks only (BENCHMARKS.md): `{ inline: true }` runs them on
   * the core's own thread (`--inference-inline`, the control that shows blocking), a script
   * replaces the built inference worker (`--inference-worker FILE`, an instrumented wrapper).
   * Absent: the built worker, as always.
   */
  inference?: { inline: true } | { workerScript: string }
  /** The model hub to download from; default HF_ENDPOINT, else https://huggingface.co. */
  hubUrl?: string
  /** Run as an always-on team member (a relay peer) for the workspace's team. */
  relay: boolean
  /** An invite code to join with at start, unless the workspace already has a team (`--join`, or HOLDFAST_INVITE). */
  join?: string
  /**
   * The UDP port teammates' apps are announced and heard on (default 47325). Apps on different
   * ports do not find each other on the LAN: two teams on one machine, or a test of the internet path.
   */
  discoveryPort?: number
  /**
   * False (`--no-mdns`): teammates' apps are found by the UDP broadcast only. mDNS does not use the
   * discovery port, so apps on one machine kept apart by different ports need it off.
   */
  mdns?: false
}

export const USAGE = 'Usage: npm run headless -- --data DIR [--port N] [--providers FILE] [--models DIR] [--hub URL] [--relay] [--join CODE] [--discovery-port N] [--no-mdns]'

export class UsageError extends Error {}

export function parseHeadlessArgs(argv: readonly string[]): HeadlessArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        port: { type: 'string', default: '4310' },
        providers: { type: 'string' },
        models: { type: 'string' },
        hub: { type: 'string' },
        'inference-inline': { type: 'boolean' },
        'inference-worker': { type: 'string' },
        relay: { type: 'boolean' },
        join: { type: 'string' },
        'discovery-port': { type: 'string' },
        'no-mdns': { type: 'boolean' }
      },
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
  const discoveryPort = values['discovery-port'] === undefined ? undefined : Number(values['discovery-port'])
  if (discoveryPort !== undefined && (!Number.isInteger(discoveryPort) || discoveryPort < 1 || discoveryPort > 65535)) {
    throw new UsageError(`--discovery-port must be a whole number from 1 to 65535, not "${values['discovery-port']}".\n${USAGE}`)
  }
  if (values['inference-inline'] && values['inference-worker'] !== undefined) {
    throw new UsageError(`--inference-inline and --inference-worker cannot be used together.\n${USAGE}`)
  }
  return {
    dataDir: resolve(values.data),
    port,
    providersFile: values.providers === undefined ? undefined : resolve(values.providers),
    modelsDir: values.models === undefined ? undefined : resolve(values.models),
    inference: values['inference-inline'] ? { inline: true } : values['inference-worker'] === undefined ? undefined : { workerScript: resolve(values['inference-worker']) },
    hubUrl: values.hub === undefined ? undefined : hubUrl(values.hub),
    relay: values.relay === true,
    join: values.join ?? (process.env.HOLDFAST_INVITE || undefined),
    ...(discoveryPort === undefined ? {} : { discoveryPort }),
    ...(values['no-mdns'] ? { mdns: false as const } : {})
  }
}

function hubUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--hub must be an http or https address, not "${value}".\n${USAGE}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--hub must be an http or https address, not "${value}".\n${USAGE}`)
  return url.href.replace(/\/$/, '')
}
