import { ORPCError } from '@orpc/client'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { startCore } from '../core'
import { readProvidersFile } from '../core/ai/config/providersFile'
import { consoleLogger } from '../core/consoleLogger'
import { attachWebSocket } from '../core/sync/signaling/wsSignalingSocket'
import { parseHeadlessArgs, UsageError, type HeadlessArgs } from './args'
import type { CoreClient } from '../shared/contracts'
import { inProcessClient } from './inProcessClient'
import { superviseRelay } from './relay/relaySupervisor'
import { createWebServer, RPC_PATH, SIGNALING_PATH } from './webServer'

/** Headless mode: the core in plain Node, serving the built renderer to a browser on 127.0.0.1. */
async function main(): Promise<void> {
  const args = parseHeadlessArgs(process.argv.slice(2))
  const core = startCore({
    dataDir: args.dataDir,
    log: consoleLogger('holdfast'),
    maintenanceWorker: join(import.meta.dirname, 'maintenance-worker.js'),
    archiveWorker: join(import.meta.dirname, 'archive-worker.js'),
    inferenceWorker: inferenceWorkerScript(args),
    modelsDir: args.modelsDir,
    // HF_ENDPOINT is the standard Hugging Face variable for a mirror.
    hubUrl: args.hubUrl ?? process.env.HF_ENDPOINT,
    providers: args.providersFile ? readProvidersFile(args.providersFile) : undefined,
    discoveryPort: args.discoveryPort,
    mdns: args.mdns
  })
  const token = randomBytes(32).toString('hex')
  let stopRelay = (): Promise<void> => Promise.resolve()
  const web = createWebServer({
    rendererDir: join(import.meta.dirname, '../renderer'),
    token,
    onConnection: (transport) => core.serve(transport),
    onSignaling: (ws) => attachWebSocket(ws, (socket) => core.serveSignaling(socket))
  })

  let closing = false
  const shutdown = async (): Promise<void> => {
    if (closing) return
    closing = true
    await stopRelay()
    await web.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())

  const port = await web.listen(args.port)
  const { client } = inProcessClient(core)
  if (args.join) await joinAtStart(client, args.join)
  if (args.relay) {
    const relay = superviseRelay({
      script: join(import.meta.dirname, 'relay.js'),
      env: {
        ...process.env,
        HOLDFAST_RELAY_RPC_URL: `ws://127.0.0.1:${port}${RPC_PATH}?token=${token}`,
        HOLDFAST_RELAY_SIGNALING_URL: `ws://127.0.0.1:${port}${SIGNALING_PATH}?token=${token}`,
        HOLDFAST_RELAY_ORIGIN: `http://127.0.0.1:${port}`
      },
      log: consoleLogger('holdfast')
    })
    stopRelay = () => relay.stop()
  }
  console.log(`Holdfast headless ready at http://127.0.0.1:${port}`)
}

/**
 * `--join`: joins the team of an invite. A restarted relay keeps its team: the same invite changes
 * nothing, a new invite of its team (after the key changed) brings the new key, another team's is
 * refused and said so.
 */
async function joinAtStart(client: CoreClient, code: string): Promise<void> {
  try {
    await client.team.join({ code })
  } catch (error) {
    if (!(error instanceof ORPCError) || error.code !== 'ALREADY_IN_TEAM') throw error
    console.warn('Holdfast: --join ignored: this workspace already belongs to another team.')
  }
}

/** The built inference worker, unless a benchmark asked for another script or for none (inline). */
function inferenceWorkerScript(args: HeadlessArgs): string | undefined {
  if (!args.inference) return join(import.meta.dirname, 'inference-worker.js')
  return 'workerScript' in args.inference ? args.inference.workerScript : undefined
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message)
    process.exit(2)
  }
  console.error('Holdfast headless could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
