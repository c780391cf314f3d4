import type { UpdateSettings, UpdateState } from '../../../../shared/contracts/updates'
import { UpdateChannelSchema } from '../../../../shared/updates/updateFeed'
import { useCore } from '../../app/coreContext'
import { UpdateFeedField } from './UpdateFeedField'
import { CHANNEL_LABELS, describeUpdateState } from './updateLabels'
import { useUpdates } from './useUpdates'
import './updates.css'
import { InlineError } from '../../ui/InlineError'

/** Settings → Updates: where the app's updates stand, "Check now", "Restart and install", and this computer's update settings. */
export function UpdatesPanel({ open }: { open: boolean }) {
  const { status } = useCore()
  const { client, overview, error, run, configure } = useUpdates(open)

  return (
    <section className="updates" aria-labelledby="updates-title">
      <div className="pane-header">
        <h3 id="updates-title">Updates</h3>
        {overview?.state.kind === 'idle' || overview?.state.kind === 'error' ? (
          <button type="button" onClick={() => void run(() => client.updates.checkNow())}>
            Check now
          </button>
        ) : null}
      </div>
      <InlineError message={error} />
      {overview ? <UpdatesOverviewView {...overview} version={status.version} configure={configure} install={() => void run(() => client.updates.installNow())} /> : null}
    </section>
  )
}

interface UpdatesOverviewViewProps {
  state: UpdateState
  settings: UpdateSettings
  version: string
  configure: (patch: Partial<UpdateSettings>) => Promise<void>
  install: () => void
}

function UpdatesOverviewView({ state, settings, version, configure, install }: UpdatesOverviewViewProps) {
  return (
    <>
      <p role={state.kind === 'error' ? 'alert' : 'status'} className={state.kind === 'error' ? 'inline-error' : 'hint'}>
        {describeUpdateState(state, version, settings.automatic)}
      </p>
      {state.kind === 'downloading' ? <progress aria-label={`Download of Holdfast ${state.version}`} max={100} value={state.percent} /> : null}
      {state.kind === 'ready' ? (
        <button type="button" className="primary" onClick={install}>
          Restart and install
        </button>
      ) : null}
      {state.kind === 'unavailable' ? <p className="hint">These settings are kept in this data folder and apply when the Holdfast app runs on it.</p> : null}
      <label className="update-automatic">
        <input type="checkbox" checked={settings.automatic} onChange={(event) => void configure({ automatic: event.target.checked })} />
        Check for updates automatically
      </label>
      <p className="hint">At most every 6 hours, never while offline or while the AI is writing. Updates download in the background and install when you quit.</p>
      <label className="update-channel">
        Update channel
        <select value={settings.channel} onChange={(event) => void configure({ channel: UpdateChannelSchema.parse(event.target.value) })}>
          {UpdateChannelSchema.options.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </select>
      </label>
      <UpdateFeedField saved={settings.feedUrl} onSave={(feedUrl) => configure({ feedUrl })} />
    </>
  )
}
