import { describe, expect, it } from 'vitest'
import { CONTINUE_INSTRUCTION, type CompletionRequest } from '../../../../../src/core/ai/provider'
import { continuationRequest, estimatedTokens, shouldContinue } from '../../../../../src/core/ai/router/continuation'
import { ScriptedProvider, answer } from '../../../../support/ai/scriptedProvider'

const request: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You rewrite text.' },
    { role: 'user', content: 'Rewrite: the cat sat.' }
  ],
  maxTokens: 500,
  temperature: 0.3
}
const cloud = new ScriptedProvider('cloud', answer('x'))
const rules = new ScriptedProvider('rules', answer('x'), { kind: 'rules' })

describe('continuation', () => {
  it('asks the next provider to go on from the partial answer', () => {
    expect(continuationRequest(request, 'The cat')).toEqual({
      ...request,
      messages: [...request.messages, { role: 'assistant', content: 'The cat' }, { role: 'user', content: CONTINUE_INSTRUCTION }]
    })
    expect(request.messages).toHaveLength(2)
  })

  it('estimates tokens as characters / 4', () => {
    expect(estimatedTokens(0)).toBe(0)
    expect(estimatedTokens(159)).toBe(40)
    expect(estimatedTokens(161)).toBe(41)
  })

  it('continues from 40 estimated tokens on, and restarts below', () => {
    expect(shouldContinue(request, 'x'.repeat(160), cloud, 40)).toBe(true)
    expect(shouldContinue(request, 'x'.repeat(156), cloud, 40)).toBe(false)
  })

  it('always restarts JSON answers, and answers taken over by the rule-based helper', () => {
    const long = 'x'.repeat(1000)
    expect(shouldContinue({ ...request, json: true }, long, cloud, 40)).toBe(false)
    expect(shouldContinue(request, long, rules, 40)).toBe(false)
  })
})
