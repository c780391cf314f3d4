import { useEffect, useState } from 'react'
import { SpellClient } from './spellClient'

/** One spellcheck worker for as long as the editor is open. */
export function useSpellClient(): SpellClient {
  const [client] = useState(() => new SpellClient())
  useEffect(() => () => client.destroy(), [client])
  return client
}
