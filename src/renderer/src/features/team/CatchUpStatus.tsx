import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import { MAX_BACKGROUND_ROOMS } from '../../lib/sync/catchUp'
import { sameJson, useSyncValue } from './useSyncValue'

/** How far this device is behind the team's drafts and designs, with a progress bar while it catches up, and its live rooms. */
export function CatchUpStatus() {
  const state = useSyncValue(
    (sync) => ({
      ...(sync.catchUp?.progress ?? { due: 0, fetched: 0 }),
      rooms: sync.liveRooms,
      peers: sync.connectedPeers(),
      // What teammates changed is known only once the workspace's list has come from one of them.
      listKnown: sync.stateOf(WORKSPACE_INDEX_ID) === 'synced',
      images: sync.blobs.waiting
    }),
    sameJson,
    []
  )
  const total = state.due + state.fetched
  return (
    <div className="catch-up">
      {state.due > 0 ? (
        <>
          <label htmlFor="catch-up-progress">
            {state.due === 1 ? '1 draft or design changed by teammates to fetch' : `${state.due} drafts and designs changed by teammates to fetch`}
          </label>
          <progress id="catch-up-progress" max={total} value={state.fetched} />
        </>
      ) : state.peers > 0 && state.listKnown ? (
        <p>Every draft and design is up to date with what teammates online hold.</p>
      ) : state.peers > 0 ? (
        <p>Comparing the workspace with teammates…</p>
      ) : (
        <p>Drafts and designs teammates changed are fetched when one of them is online.</p>
      )}
      {state.images > 0 ? (
        <p>{state.images === 1 ? '1 image still to fetch from teammates.' : `${state.images} images still to fetch from teammates.`}</p>
      ) : null}
      <p className="hint">
        Live rooms: {state.rooms} (the workspace, open drafts, and at most {MAX_BACKGROUND_ROOMS} in the background each way)
      </p>
    </div>
  )
}
