import { useState } from 'react'
import { UpdateSettingsSchema } from '../../../../shared/contracts/updates'
import { FEED_URL_PROBLEM } from '../../../../shared/updates/updateFeed'

interface UpdateFeedFieldProps {
  saved: string
  onSave: (feedUrl: string) => Promise<void>
}

/** The update feed address: saved only when it is a valid one; empty uses the feed the build was published with. */
export function UpdateFeedField({ saved, onSave }: UpdateFeedFieldProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const text = draft ?? saved

  const save = (): void => {
    const parsed = UpdateSettingsSchema.shape.feedUrl.safeParse(text.trim())
    if (!parsed.success) return setProblem(FEED_URL_PROBLEM)
    setProblem(null)
    void onSave(parsed.data).then(() => setDraft(null))
  }

  return (
    <form
      className="update-feed"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <label>
        Update feed address
        <input
          type="url"
          value={text}
          placeholder="The feed this version was published with"
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'update-feed-problem' : undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <button type="submit" className="small" disabled={draft === null || draft === saved}>
        Save address
      </button>
      {problem ? (
        <p id="update-feed-problem" role="alert" className="inline-error">
          {problem}
        </p>
      ) : null}
    </form>
  )
}
