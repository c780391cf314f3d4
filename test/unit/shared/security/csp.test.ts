import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../../src/shared/security/csp'

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => {
    const [name = '', ...values] = d.split(' ')
    return [name, values]
  }))
}

describe('contentSecurityPolicy', () => {
  it('allows scripts, styles and connections only from the app itself', () => {
    const csp = directives(contentSecurityPolicy())
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
  })

  it('adds the core WebSocket for headless mode and nothing else', () => {
    const csp = directives(contentSecurityPolicy({ connect: ['ws://127.0.0.1:4310'] }))
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4310'])
    expect(csp.get('script-src')).toEqual(["'self'"])
  })

  it('relaxes inline scripts only for the dev server', () => {
    const csp = directives(contentSecurityPolicy({ devServer: 'http://localhost:5173' }))
    expect(csp.get('script-src')).toContain("'unsafe-inline'")
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173'])
  })
})
