import type { UpdateState } from '../../../../shared/contracts/updates'
import type { UpdateChannel } from '../../../../shared/updates/updateFeed'

export const CHANNEL_LABELS: Record<UpdateChannel, string> = {
  latest: 'Stable releases',
  beta: 'Beta releases (early, less tested)'
}

/** One sentence about the update state, for someone running `version`. */
export function describeUpdateState(state: UpdateState, version: string, automatic: boolean): string {
  switch (state.kind) {
    case 'unavailable':
    case 'error':
      return state.message
    case 'idle': {
      const checked = state.lastCheckAt === null ? 'No update check yet.' : `Last checked ${new Date(state.lastCheckAt).toLocaleString()}.`
      return `You have Holdfast ${version}. ${checked}${automatic ? '' : ' Automatic checks are off.'}`
    }
    case 'checking':
      return 'Checking for updates…'
    case 'downloading':
      return `Downloading update ${state.version}: ${state.percent} %`
    case 'ready':
      return automatic
        ? `Holdfast ${state.version} is ready — it installs when you quit.`
        : `Holdfast ${state.version} is ready — choose Restart and install to install it.`
  }
}
