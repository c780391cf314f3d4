import { oc } from '@orpc/contract'
import { z } from 'zod'
import { DocIdSchema } from './docs'
import { storageProcedure } from './errors'

export const TeamSchema = z.object({
  /** Random, shared by every member; never sent to a signaling server (room names are derived). */
  workspaceId: z.string(),
  name: z.string(),
  joinedAt: z.number(),
  /** When this device last took a new key: it changed the team key, or re-joined with a new invite. */
  keyChangedAt: z.number().nullable()
})
export type Team = z.infer<typeof TeamSchema>

export const TeamStatusSchema = z.object({
  team: TeamSchema.nullable(),
  /** The LAN port this core's signaling server listens on while a team exists. */
  lanPort: z.number().int().nullable(),
  /** Other Holdfast apps of this team found on the LAN, and those whose signaling this core is linked to. */
  lanPeers: z.number().int()
})
export type TeamStatus = z.infer<typeof TeamStatusSchema>

/** What the renderer's y-webrtc providers need besides room names. */
export const SyncSessionSchema = z.object({
  workspaceId: z.string(),
  password: z.string(),
  /** STUN/TURN servers the user chose; empty by default, so nothing outside is contacted. */
  iceServers: z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() }))
})
export type SyncSession = z.infer<typeof SyncSessionSchema>

/**
 * Servers outside the LAN the team chooses to use; none by default, so nothing outside is
 * contacted. Signaling servers are y-webrtc-compatible (the core links to them next to the LAN);
 * STUN and TURN servers let WebRTC cross networks. The TURN password is kept like the team key.
 */
export const TeamNetworkSchema = z.object({
  signalingServers: z
    .array(z.string().trim().max(500).regex(/^wss?:\/\/[^\s/?#]+(\/\S*)?$/i, 'A signaling server address starts with wss:// (or ws://).'))
    .max(8),
  iceServers: z
    .array(z.string().trim().max(500).regex(/^(stun|turns?):\S+$/, 'A STUN or TURN server address starts with stun:, turn: or turns:.'))
    .max(8),
  turnUsername: z.string().trim().max(256)
})
export type TeamNetworkSettings = z.infer<typeof TeamNetworkSchema>

export const TeamNetworkStatusSchema = TeamNetworkSchema.extend({
  turnPasswordSet: z.boolean(),
  /** Each configured signaling server and whether this core is connected to it now. */
  signalingLinks: z.array(z.object({ url: z.string(), connected: z.boolean() }))
})
export type TeamNetworkStatus = z.infer<typeof TeamNetworkStatusSchema>

export const TEAM_NAME_MAX = 60
const TeamNameSchema = z.string().trim().min(1, 'Give the team a name.').max(TEAM_NAME_MAX, `A team name is at most ${TEAM_NAME_MAX} characters.`)

const teamErrors = {
  ALREADY_IN_TEAM: { status: 409, message: 'This workspace already belongs to a team. Leave it first.' },
  NOT_IN_TEAM: { status: 409, message: 'This workspace is not shared with a team.' },
  INVITE_INVALID: { status: 422, message: 'That invite code is not valid. Ask your teammate to copy it again.' },
  KEY_UNAVAILABLE: { status: 503, message: 'The team key could not be read from the keychain.' }
} as const

export const teamContract = {
  status: storageProcedure.input(z.object({}).optional()).output(TeamStatusSchema),

  /** Shares this workspace with a new team: a new workspace id and a new random 256-bit key. */
  create: storageProcedure
    .errors({ ALREADY_IN_TEAM: teamErrors.ALREADY_IN_TEAM })
    .input(z.object({ name: TeamNameSchema }))
    .output(TeamStatusSchema),

  /** The code (and the same as a link) that lets a teammate join: workspace id, key and team name. */
  invite: storageProcedure
    .errors({ NOT_IN_TEAM: teamErrors.NOT_IN_TEAM, KEY_UNAVAILABLE: teamErrors.KEY_UNAVAILABLE })
    .input(z.object({}).optional())
    .output(z.object({ code: z.string(), link: z.string() })),

  /**
   * Joins a team from an invite code or link; this workspace's drafts merge with the team's. An
   * invite to the workspace's own team with a new key (after a teammate changed it) takes the key.
   */
  join: storageProcedure
    .errors({ ALREADY_IN_TEAM: teamErrors.ALREADY_IN_TEAM, INVITE_INVALID: teamErrors.INVITE_INVALID })
    .input(z.object({ code: z.string().max(1000) }))
    .output(TeamStatusSchema),

  /**
   * Moves the team to a new random key: this device syncs only with teammates who join with the
   * new invite; devices holding only the old key receive nothing new.
   */
  rotateKey: storageProcedure
    .errors({ NOT_IN_TEAM: teamErrors.NOT_IN_TEAM, KEY_UNAVAILABLE: teamErrors.KEY_UNAVAILABLE })
    .input(z.object({}).optional())
    .output(TeamStatusSchema),

  /** Stops sharing: the drafts stay on this device, nothing more is sent or received. */
  leave: storageProcedure.errors({ NOT_IN_TEAM: teamErrors.NOT_IN_TEAM }).input(z.object({}).optional()).output(TeamStatusSchema),

  /** The secrets the renderer's sync needs, or null when the workspace is not shared. */
  session: storageProcedure
    .errors({ KEY_UNAVAILABLE: teamErrors.KEY_UNAVAILABLE })
    .input(z.object({}).optional())
    .output(SyncSessionSchema.nullable()),

  /**
   * Where the desktop window signals: its core's loopback signaling server (with this run's token),
   * or null where the page already has one (headless mode: its own origin's `/signaling`).
   */
  signalingEndpoint: oc.input(z.object({}).optional()).output(z.object({ url: z.string().nullable() })),

  /** The internet servers the team's sync may use (none by default). */
  network: storageProcedure.errors({ NOT_IN_TEAM: teamErrors.NOT_IN_TEAM }).input(z.object({}).optional()).output(TeamNetworkStatusSchema),

  /** Sets them and reconnects; `turnPassword` absent keeps the stored one, empty removes it. */
  setNetwork: storageProcedure
    .errors({ NOT_IN_TEAM: teamErrors.NOT_IN_TEAM, KEY_UNAVAILABLE: teamErrors.KEY_UNAVAILABLE })
    .input(TeamNetworkSchema.extend({ turnPassword: z.string().max(512).optional() }))
    .output(TeamNetworkStatusSchema),

  /** Per document, the index change marker at which this device last held the team's latest version. */
  markers: storageProcedure.input(z.object({}).optional()).output(z.object({ markers: z.record(z.string(), z.number()) })),

  /** Records that this device holds the team's latest version of documents, as of these markers. */
  markSynced: storageProcedure
    .errors({ NOT_IN_TEAM: teamErrors.NOT_IN_TEAM })
    .input(z.object({ markers: z.array(z.object({ docId: DocIdSchema, marker: z.number().int().nonnegative() })).min(1).max(10_000) }))
    .output(z.object({ recorded: z.number().int() })),

  /** The y-webrtc room of each document: derived from the team key, so it reveals no document id. */
  rooms: storageProcedure
    .errors({ KEY_UNAVAILABLE: teamErrors.KEY_UNAVAILABLE })
    .input(z.object({ docIds: z.array(DocIdSchema).min(1).max(500) }))
    .output(z.object({ rooms: z.array(z.string()) }))
}

