export type SpellRequest = { type: 'check'; id: number; words: string[] } | { type: 'suggest'; id: number; word: string }
export type SpellReply = { id: number; misspelled: string[] } | { id: number; suggestions: string[] }
