import { describe, expect, it } from 'vitest'
import { uint8ArraySerializer } from '../../../../src/shared/rpc/serializers'

const { serialize, deserialize } = uint8ArraySerializer

describe('uint8ArraySerializer', () => {
  it('round-trips binary data of every padding length', () => {
    for (const length of [0, 1, 2, 3, 4, 5]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97) & 0xff)
      expect(deserialize(serialize(bytes))).toEqual(bytes)
    }
  })

  it('round-trips several megabytes (a full-size update) without overflowing the regexp stack', () => {
    const bytes = new Uint8Array(4.5 * 1024 * 1024).map((_, i) => i & 0xff)
    expect(deserialize(serialize(bytes))).toEqual(bytes)
  })

  it('refuses anything that is not strict base64', () => {
    for (const bad of [42, 'abc', 'ab=c', 'a===', 'ab c', 'ab\ncd', '@@@@', 'AAAA=', 'AA=A']) {
      expect(() => deserialize(bad)).toThrow('binary data must be base64 text')
    }
  })
})
