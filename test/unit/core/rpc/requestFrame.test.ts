import { describe, expect, it } from 'vitest'
import { checkRequestFrame, MAX_FRAME_CHARS } from '../../../../src/core/rpc/requestFrame'

describe('checkRequestFrame', () => {
  it('accepts the frames the oRPC client sends', () => {
    expect(checkRequestFrame(JSON.stringify({ i: 1, p: { u: '/settings/get', b: { json: {} } } }))).toEqual({ ok: true })
    expect(checkRequestFrame(JSON.stringify({ i: '2', t: 4 }))).toEqual({ ok: true })
    expect(checkRequestFrame(JSON.stringify({ i: 3, t: 3, p: { e: 'done', d: null } }))).toEqual({ ok: true })
  })

  it('refuses non-text, non-JSON, oversized and misshapen frames with a reason', () => {
    expect(checkRequestFrame(new Uint8Array([1, 2]))).toMatchObject({ ok: false, reason: 'frames must be JSON text' })
    expect(checkRequestFrame('{')).toMatchObject({ ok: false, id: null, reason: 'frame is not valid JSON' })
    expect(checkRequestFrame('x'.repeat(MAX_FRAME_CHARS + 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/exceeds the limit/) as unknown })
    expect(checkRequestFrame(JSON.stringify({ i: 5, p: { u: 'no-leading-slash' } }))).toMatchObject({ ok: false, id: 5 })
    expect(checkRequestFrame(JSON.stringify({ i: 6, t: 9 }))).toMatchObject({ ok: false, id: 6 })
    expect(checkRequestFrame('null')).toMatchObject({ ok: false, id: null })
  })
})
