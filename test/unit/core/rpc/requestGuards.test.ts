import { describe, expect, it } from 'vitest'
import { isOwnHost, isOwnOrigin, tokenMatches } from '../../../../src/core/rpc/requestGuards'

describe('request guards', () => {
  it('accepts only this server on loopback as Host (no DNS rebinding)', () => {
    expect(isOwnHost('127.0.0.1:4310', 4310)).toBe(true)
    expect(isOwnHost('localhost:4310', 4310)).toBe(true)
    expect(isOwnHost('127.0.0.1:4311', 4310)).toBe(false)
    expect(isOwnHost('attacker.example:4310', 4310)).toBe(false)
    expect(isOwnHost('127.0.0.1', 4310)).toBe(false)
    expect(isOwnHost(undefined, 4310)).toBe(false)
  })

  it('accepts only the page it served as Origin', () => {
    expect(isOwnOrigin('http://127.0.0.1:4310', 4310)).toBe(true)
    expect(isOwnOrigin('http://localhost:4310', 4310)).toBe(true)
    expect(isOwnOrigin('https://127.0.0.1:4310', 4310)).toBe(false)
    expect(isOwnOrigin('http://evil.example', 4310)).toBe(false)
    expect(isOwnOrigin('null', 4310)).toBe(false)
    expect(isOwnOrigin(undefined, 4310)).toBe(false)
  })

  it('compares the token exactly', () => {
    expect(tokenMatches('abc123', 'abc123')).toBe(true)
    expect(tokenMatches('abc124', 'abc123')).toBe(false)
    expect(tokenMatches('abc', 'abc123')).toBe(false)
    expect(tokenMatches(null, 'abc123')).toBe(false)
  })
})
