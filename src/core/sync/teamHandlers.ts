import { implementer, requireStorage } from '../rpc/context'
import { InviteInvalidError } from './team/inviteCode'
import { AlreadyInTeamError, NotInTeamError } from './team/teamService'

/** The contract errors a team procedure declares (each declares only some). */
interface TeamErrors {
  ALREADY_IN_TEAM?: () => Error
  NOT_IN_TEAM?: () => Error
  INVITE_INVALID?: (options: { message: string }) => Error
  KEY_UNAVAILABLE?: (options: { cause: unknown }) => Error
}

/**
 * Runs a team service call, turning its refusals into the procedure's contract errors. In a
 * procedure that reads the team key, any other failure is the keychain's (KEY_UNAVAILABLE).
 */
async function refusals<T>(call: () => T | Promise<T>, errors: TeamErrors): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof AlreadyInTeamError && errors.ALREADY_IN_TEAM) throw errors.ALREADY_IN_TEAM()
    if (error instanceof NotInTeamError && errors.NOT_IN_TEAM) throw errors.NOT_IN_TEAM()
    if (error instanceof InviteInvalidError && errors.INVITE_INVALID) throw errors.INVITE_INVALID({ message: `That invite code is not valid: ${error.message}` })
    if (errors.KEY_UNAVAILABLE) throw errors.KEY_UNAVAILABLE({ cause: error })
    throw error
  }
}

export const teamHandlers = {
  status: implementer.team.status.use(requireStorage).handler(({ context }) => context.team.status()),
  create: implementer.team.create.use(requireStorage).handler(({ context, input, errors }) => refusals(() => context.team.create(input.name), errors)),
  invite: implementer.team.invite.use(requireStorage).handler(({ context, errors }) => refusals(() => context.team.invite(), errors)),
  join: implementer.team.join.use(requireStorage).handler(({ context, input, errors }) => refusals(() => context.team.join(input.code), errors)),
  signalingEndpoint: implementer.team.signalingEndpoint.handler(async ({ context }) => ({ url: await context.team.windowSignalingUrl() })),
  rotateKey: implementer.team.rotateKey.use(requireStorage).handler(({ context, errors }) => refusals(() => context.team.rotateKey(), errors)),
  leave: implementer.team.leave.use(requireStorage).handler(({ context, errors }) => refusals(() => context.team.leave(), errors)),
  session: implementer.team.session.use(requireStorage).handler(({ context, errors }) => refusals(() => context.team.session(), errors)),
  network: implementer.team.network.use(requireStorage).handler(({ context, errors }) => refusals(() => context.team.networkSettings(), errors)),
  setNetwork: implementer.team.setNetwork.use(requireStorage).handler(({ context, input, errors }) => refusals(() => context.team.setNetwork(input), errors)),
  markers: implementer.team.markers.use(requireStorage).handler(({ context }) => ({ markers: context.teamStore.markers() })),
  markSynced: implementer.team.markSynced.use(requireStorage).handler(({ context, input, errors }) => {
    if (!context.teamStore.read()) throw errors.NOT_IN_TEAM()
    context.teamStore.setMarkers(input.markers)
    return { recorded: input.markers.length }
  }),
  rooms: implementer.team.rooms
    .use(requireStorage)
    .handler(async ({ context, input, errors }) => ({ rooms: await refusals(() => context.team.rooms(input.docIds), errors) }))
}
