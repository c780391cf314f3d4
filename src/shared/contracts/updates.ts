import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { UpdateChannelSchema, UpdateFeedUrlSchema } from '../updates/updateFeed'

/** A release version as the update feed names it (semver). */
const VersionSchema = z.string().max(64).regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/)
const MessageSchema = z.string().min(1).max(500)

/** Where the app's own updates stand, as Electron main's updater reports it. */
export const UpdateStateSchema = z.discriminatedUnion('kind', [
  /** This copy cannot update itself (headless mode, a development build, an install without an updater); the message says why. */
  z.object({ kind: z.literal('unavailable'), message: MessageSchema }),
  /** Nothing going on. lastCheckAt: when a check last ran (ms since the epoch), null if none has. */
  z.object({ kind: z.literal('idle'), lastCheckAt: z.number().int().nonnegative().nullable() }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('downloading'), version: VersionSchema, percent: z.number().min(0).max(100) }),
  /** Downloaded and verified: installs when the app quits (if automatic updates are on) or on "Restart and install". */
  z.object({ kind: z.literal('ready'), version: VersionSchema }),
  /** The last check or download failed; the version running is untouched. The message says what happened and what to do. */
  z.object({ kind: z.literal('error'), message: MessageSchema })
])
export type UpdateState = z.infer<typeof UpdateStateSchema>

/**
 * How this computer updates Holdfast. Kept per computer, not in the workspace database: an
 * imported workspace archive must not bring its own update feed, and the settings must stay
 * editable when the database is too new to open, which is when an update is needed.
 */
export const UpdateSettingsSchema = z.object({
  /** Check by itself (at most every 6 hours), download in the background, install on quit. */
  automatic: z.boolean(),
  channel: UpdateChannelSchema,
  /** Empty: the feed this build was published with. */
  feedUrl: UpdateFeedUrlSchema
})
export type UpdateSettings = z.infer<typeof UpdateSettingsSchema>

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { automatic: true, channel: 'latest', feedUrl: '' }

export const UpdatesOverviewSchema = z.object({ state: UpdateStateSchema, settings: UpdateSettingsSchema })
export type UpdatesOverview = z.infer<typeof UpdatesOverviewSchema>

export const updatesContract = {
  /** The state and the settings now, then after every change. */
  watch: oc.output(eventIterator(UpdatesOverviewSchema)),
  /** Changes some update settings (unknown keys are refused); returns them all. */
  configure: oc.input(UpdateSettingsSchema.partial().strict()).output(UpdateSettingsSchema),
  /** Checks now, whatever the schedule and the automatic setting; an update found downloads in the background. */
  checkNow: oc.output(z.void()),
  /** Quits and installs the downloaded update; does nothing unless one is ready. */
  installNow: oc.output(z.void())
}
