import { describe, expect, it } from 'vitest'
import { chooseChatModel } from '../../../../../src/core/models/manager/chatModelChoice'

const catalogChatModels = ['org/big', 'org/medium', 'org/small']

describe('chooseChatModel', () => {
  it("uses the user's choice when it is installed", () => {
    expect(chooseChatModel({ installedChatModels: ['org/big', 'org/small'], override: 'org/small', recommended: 'org/big', catalogChatModels })).toBe('org/small')
  })

  it('falls back to the recommended model when the chosen one was deleted', () => {
    expect(chooseChatModel({ installedChatModels: ['org/big', 'org/small'], override: 'org/medium', recommended: 'org/big', catalogChatModels })).toBe('org/big')
  })

  it('takes the first installed catalog model in catalog order when the recommended one is missing', () => {
    expect(chooseChatModel({ installedChatModels: ['org/small', 'org/medium'], override: '', recommended: 'org/big', catalogChatModels })).toBe('org/medium')
  })

  it('uses a model copied in by hand when no catalog model is installed, and nothing when none is', () => {
    expect(chooseChatModel({ installedChatModels: ['mine/tiny'], override: '', recommended: 'org/big', catalogChatModels })).toBe('mine/tiny')
    expect(chooseChatModel({ installedChatModels: [], override: '', recommended: 'org/big', catalogChatModels })).toBeUndefined()
  })
})
