import type { LastUpdateCheck } from './lastUpdateCheck'
import { decideCheck } from './updateSchedule'

export interface UpdateSchedulerOptions {
  lastCheck: LastUpdateCheck
  online: () => boolean
  /** A check or download is under way, or an update waits to be installed. */
  updating: () => boolean
  /** Starts a check. */
  check: () => void
}

/** Starts automatic update checks when decideCheck allows, and asks it again whenever something changes. */
export class UpdateScheduler {
  private automatic = false
  private generating = false
  private timer: NodeJS.Timeout | undefined
  // Kept here too, so a file that cannot be written does not make every moment look due.
  private lastCheckAt: number | null

  constructor(private readonly options: UpdateSchedulerOptions) {
    this.lastCheckAt = options.lastCheck.read()
  }

  setAutomatic(automatic: boolean): void {
    this.automatic = automatic
    this.reschedule()
  }

  setGenerating(generating: boolean): void {
    this.generating = generating
    this.reschedule()
  }

  /** Checks now, whatever the schedule (the user asked); it counts as the last check. */
  checkNow(): void {
    this.lastCheckAt = Date.now()
    this.options.lastCheck.write(this.lastCheckAt)
    this.options.check()
    this.reschedule()
  }

  get lastCheck(): number | null {
    return this.lastCheckAt
  }

  private reschedule(): void {
    clearTimeout(this.timer)
    const now = Date.now()
    const decision = decideCheck({
      now,
      lastCheckAt: this.lastCheckAt,
      automatic: this.automatic,
      online: this.options.online(),
      generating: this.generating,
      updating: this.options.updating()
    })
    if (decision.check) return this.checkNow()
    if (decision.why !== 'off') this.timer = setTimeout(() => this.reschedule(), decision.retryAt - now)
  }
}
