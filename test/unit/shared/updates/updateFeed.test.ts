import { describe, expect, it } from 'vitest'
import { UpdateFeedUrlSchema } from '../../../../src/shared/updates/updateFeed'

const accepts = (url: string): boolean => UpdateFeedUrlSchema.safeParse(url).success

describe('UpdateFeedUrlSchema', () => {
  it('takes empty (the feed the build was published with) and https addresses', () => {
    expect(accepts('')).toBe(true)
    expect(accepts('https://updates.example.com/holdfast/')).toBe(true)
    expect(accepts('https://updates.example.com:8443/holdfast?token=abc')).toBe(true)
  })

  it('takes plain http only to this computer', () => {
    expect(accepts('http://127.0.0.1:8080/feed')).toBe(true)
    expect(accepts('http://localhost:8080/feed')).toBe(true)
    expect(accepts('http://updates.example.com/holdfast')).toBe(false)
    expect(accepts('http://127.0.0.1.example.com/feed')).toBe(false)
    expect(accepts('http://localhost.example.com/feed')).toBe(false)
  })

  it('refuses other schemes, credentials, half-written and overlong addresses', () => {
    for (const url of ['ftp://updates.example.com/', 'file:///etc/', 'javascript:alert(1)', 'https:/updates.example.com', 'updates.example.com', 'https://me:secret@updates.example.com/', 'https://updates example.com/', `https://updates.example.com/${'a'.repeat(2000)}`]) {
      expect(accepts(url), url).toBe(false)
    }
  })
})
