import { describe, expect, it } from 'vitest'
import { proxyUrlFromResolvedProxy } from '../../../../src/shared/net/proxyRules'

describe('proxyUrlFromResolvedProxy', () => {
  it('connects directly when Electron says DIRECT or nothing usable', () => {
    expect(proxyUrlFromResolvedProxy('DIRECT')).toBeUndefined()
    expect(proxyUrlFromResolvedProxy('')).toBeUndefined()
    expect(proxyUrlFromResolvedProxy('DIRECT; PROXY proxy.corp:8080')).toBeUndefined()
    expect(proxyUrlFromResolvedProxy('QUIC quic.corp:443')).toBeUndefined()
  })

  it('takes the first proxy entry, with the scheme its keyword names', () => {
    expect(proxyUrlFromResolvedProxy('PROXY proxy.corp:8080; DIRECT')).toBe('http://proxy.corp:8080')
    expect(proxyUrlFromResolvedProxy('HTTPS secure.corp:8443')).toBe('https://secure.corp:8443')
    expect(proxyUrlFromResolvedProxy('SOCKS5 socks.corp:1081')).toBe('socks5://socks.corp:1081')
    expect(proxyUrlFromResolvedProxy('proxy Proxy.Corp:3128')).toBe('http://proxy.corp:3128')
  })

  it('fills in the default port of the proxy type', () => {
    expect(proxyUrlFromResolvedProxy('PROXY proxy.corp')).toBe('http://proxy.corp:80')
    expect(proxyUrlFromResolvedProxy('HTTPS secure.corp')).toBe('https://secure.corp:443')
    expect(proxyUrlFromResolvedProxy('SOCKS5 socks.corp')).toBe('socks5://socks.corp:1080')
  })

  it('keeps IPv6 proxies bracketed', () => {
    expect(proxyUrlFromResolvedProxy('PROXY [2001:db8::1]:8080')).toBe('http://[2001:db8::1]:8080')
  })

  it('skips SOCKS4 and malformed entries and falls through to the next one', () => {
    expect(proxyUrlFromResolvedProxy('SOCKS socks.corp:1080; PROXY proxy.corp:8080')).toBe('http://proxy.corp:8080')
    expect(proxyUrlFromResolvedProxy('SOCKS4 socks.corp:1080; DIRECT')).toBeUndefined()
    expect(proxyUrlFromResolvedProxy('PROXY; PROXY a b; PROXY bad/path:1; PROXY ok.corp:1')).toBe('http://ok.corp:1')
    expect(proxyUrlFromResolvedProxy('PROXY proxy.corp:99999; DIRECT')).toBeUndefined()
  })
})
