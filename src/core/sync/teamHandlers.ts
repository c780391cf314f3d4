import { implementer, requireStorage } from '../rpc/context'
import { InviteInvalidError } from './team/inviteCode'
import { AlreadyInTeamError, NotInTeamError } from './team/teamService'

export const teamHandlers = {
  status: implementer.team.status.use(requireStorage).handler(({ context }) => context.team.status()),
  create: implementer.team.create.use(requireStorage).handler(async ({ context, input, errors }) => {
    try {
      return await context.team.create(input.name)
    } catch (error) {
      if (error instanceof AlreadyInTeamError) throw errors.ALREADY_IN_TEAM()
      throw error
    }
  }),
  invite: implementer.team.invite.use(requireStorage).handler(async ({ context, errors }) => {
    try {
      return await context.team.invite()
    } catch (error) {
      if (error instanceof NotInTeamError) throw errors.NOT_IN_TEAM()
      throw errors.KEY_UNAVAILABLE({ cause: error })
    }
  }),
  join: implementer.team.join.use(requireStorage).handler(async ({ context, input, errors }) => {
    try {
      return await context.team.join(input.code)
    } catch (error) {
      if (error instanceof AlreadyInTeamError) throw errors.ALREADY_IN_TEAM()
      if (error instanceof InviteInvalidError) throw errors.INVITE_INVALID({ message: `That invite code is not valid: ${error.message}` })
      throw error
    }
  }),
  leave: implementer.team.leave.use(requireStorage).handler(async ({ context, errors }) => {
    try {
      return await context.team.leave()
    } catch (error) {
      if (error instanceof NotInTeamError) throw errors.NOT_IN_TEAM()
      throw error
    }
  }),
  session: implementer.team.session.use(requireStorage).handler(async ({ context, errors }) => {
    try {
      return await context.team.session()
    } catch (error) {
      throw errors.KEY_UNAVAILABLE({ cause: error })
    }
  }),
  network: implementer.team.network.use(requireStorage).handler(async ({ context, errors }) => {
    try {
      return await context.team.networkSettings()
    } catch (error) {
      if (error instanceof NotInTeamError) throw errors.NOT_IN_TEAM()
      throw error
    }
  }),
  setNetwork: implementer.team.setNetwork.use(requireStorage).handler(async ({ context, input, errors }) => {
    try {
      return await context.team.setNetwork(input)
    } catch (error) {
      if (error instanceof NotInTeamError) throw errors.NOT_IN_TEAM()
      throw errors.KEY_UNAVAILABLE({ cause: error })
    }
  }),
  markers: implementer.team.markers.use(requireStorage).handler(({ context }) => ({ markers: context.teamStore.markers() })),
  markSynced: implementer.team.markSynced.use(requireStorage).handler(({ context, input, errors }) => {
    if (!context.teamStore.read()) throw errors.NOT_IN_TEAM()
    context.teamStore.setMarkers(input.markers)
    return { recorded: input.markers.length }
  }),
  rooms: implementer.team.rooms.use(requireStorage).handler(async ({ context, input, errors }) => {
    try {
      return { rooms: await context.team.rooms(input.docIds) }
    } catch (error) {
      throw errors.KEY_UNAVAILABLE({ cause: error })
    }
  })
}
