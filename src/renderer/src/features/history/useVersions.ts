import { useCallback, useEffect, useState } from 'react'
import type { VersionSummary } from '../../../../shared/contracts/versions'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'

const KIND_LABELS: Record<VersionSummary['kind'], string> = {
  auto: 'Automatic',
  closed: 'When closed',
  named: 'Named',
  'before-restore': 'Before a restore'
}

/** A version's name, or what made it when it has none. */
export function versionName(version: VersionSummary): string {
  return version.name ?? KIND_LABELS[version.kind]
}

export interface Versions {
  /** The document's versions; null until they are listed. */
  versions: VersionSummary[] | null
  error: string | null
  busy: boolean
  /** Runs work with the controls disabled, showing its error if it fails. */
  act: (work: () => Promise<unknown>) => void
  /** Saves the document as it is now as a named version (calling saved() once stored), then lists the versions again. */
  saveVersion: (name: string, saved: () => void) => void
}

/** The versions of an open document, for a history dialog. */
export function useVersions(session: DocSession): Versions {
  const { client } = useCore()
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    (): Promise<void> => client.versions.list({ docId: session.docId }).then(setVersions, (e: unknown) => setError(describeError(e))),
    [client, session]
  )
  useEffect(() => {
    void load()
  }, [load])

  const act = (work: () => Promise<unknown>): void => {
    setBusy(true)
    setError(null)
    work()
      .catch((e: unknown) => setError(describeError(e)))
      .finally(() => setBusy(false))
  }

  const saveVersion = (name: string, saved: () => void): void =>
    act(async () => {
      await session.whenSaved()
      await client.versions.create({ docId: session.docId, kind: 'named', name })
      saved()
      await load()
    })

  return { versions, error, busy, act, saveVersion }
}
