import { describe, expect, it } from 'vitest'
import { appendBatches, MAX_APPEND_BYTES } from '../../../../src/shared/transfer/appendBatches'

const update = (size: number): Uint8Array => new Uint8Array(size)

describe('appendBatches', () => {
  it('keeps order and groups updates up to the byte budget', () => {
    const updates = [update(4), update(4), update(4), update(9), update(1)]
    expect(appendBatches(updates, 10).map((batch) => batch.map((u) => u.byteLength))).toEqual([[4, 4], [4], [9, 1]])
  })

  it('puts an update larger than the budget in a batch of its own', () => {
    expect(appendBatches([update(2), update(20), update(2)], 10).map((batch) => batch.length)).toEqual([1, 1, 1])
  })

  it('leaves room in an 8 MiB frame for the base64 of a full batch', () => {
    expect((Math.ceil(MAX_APPEND_BYTES / 3) * 4) / (8 * 1024 * 1024)).toBeLessThan(0.8)
    expect(appendBatches([])).toEqual([])
  })
})
