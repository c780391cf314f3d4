import aff from '@dictionary-en/index.aff?raw'
import dic from '@dictionary-en/index.dic?raw'
import { createChecker } from './checker'
import type { SpellReply, SpellRequest } from './spellMessages'

// Builds the dictionary (about a second) and answers checks on its own thread.
const checker = createChecker(aff, dic)

self.addEventListener('message', (event: MessageEvent<SpellRequest>) => {
  const request = event.data
  const reply: SpellReply =
    request.type === 'check'
      ? { id: request.id, misspelled: request.words.filter((w) => !checker.isCorrect(w)) }
      : { id: request.id, suggestions: checker.suggest(request.word) }
  self.postMessage(reply)
})
