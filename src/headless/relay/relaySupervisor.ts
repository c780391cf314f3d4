import { fork, type ChildProcess } from 'node:child_process'
import type { Logger } from '../../core/logger'

/** The relay process's exit code when it cannot run on this machine at all: restarting would not help. */
export const RELAY_UNAVAILABLE_EXIT = 78

const FIRST_RESTART_MS = 1000
const MAX_RESTART_MS = 30_000
/** A run this long counts as healthy: the next crash restarts after FIRST_RESTART_MS again. */
const HEALTHY_RUN_MS = 60_000
const STOP_GRACE_MS = 5000

export interface RelaySupervisorOptions {
  /** The relay process's script (out/main/relay.js). */
  script: string
  env: NodeJS.ProcessEnv
  log: Pick<Logger, 'warn'>
  /** For tests: the first restart delay (doubles per crash in a row, up to 30 s). */
  firstRestartMs?: number
}

export interface RelaySupervisor {
  stop(): Promise<void>
}

/**
 * Runs the relay in its own process and starts it again when it dies. WebRTC for Node is native
 * code that can crash the process it runs in; out there, it takes only the relay's connections
 * with it, while the core and its database carry on, and the relay rejoins a moment later.
 */
export function superviseRelay(options: RelaySupervisorOptions): RelaySupervisor {
  const firstRestartMs = options.firstRestartMs ?? FIRST_RESTART_MS
  let child: ChildProcess | null = null
  let stopping = false
  let restartDelay = firstRestartMs
  let restartTimer: NodeJS.Timeout | undefined

  const start = (): void => {
    const startedAt = Date.now()
    const process = fork(options.script, [], { env: options.env, stdio: 'inherit' })
    child = process
    process.once('exit', (code, signal) => {
      child = null
      if (stopping) return
      if (code === RELAY_UNAVAILABLE_EXIT) {
        options.log.warn('Holdfast relay: not running (see the message above); the rest of headless mode carries on.')
        return
      }
      if (Date.now() - startedAt >= HEALTHY_RUN_MS) restartDelay = firstRestartMs
      options.log.warn(`Holdfast relay: its process ended (${signal ?? `exit code ${code}`}); starting it again in ${restartDelay / 1000} s.`)
      restartTimer = setTimeout(start, restartDelay)
      restartDelay = Math.min(restartDelay * 2, MAX_RESTART_MS)
    })
  }
  start()

  return {
    stop: async () => {
      stopping = true
      clearTimeout(restartTimer)
      const running = child
      if (!running) return
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
      running.kill('SIGTERM')
      const timer = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS)
      await exited
      clearTimeout(timer)
    }
  }
}
