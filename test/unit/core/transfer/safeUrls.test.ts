import { describe, expect, it } from 'vitest'
import { imageSource, isSafeLink, schemeOf } from '../../../../src/core/transfer/safeUrls'

describe('safeUrls', () => {
  it('reads a scheme the way a browser does, ignoring whitespace and control characters', () => {
    expect(schemeOf(' \tJaVa\nScript:alert(1)')).toBe('javascript')
    expect(schemeOf('\u0001javascript:x')).toBe('javascript')
    expect(schemeOf('images/a.png')).toBeNull()
    expect(schemeOf('#top')).toBeNull()
  })

  it('keeps web, mail, phone and relative links only', () => {
    for (const ok of ['https://a.example', 'http://a.example', 'mailto:a@b.example', 'tel:+441234', '#anchor', 'other.html', '/root']) expect(isSafeLink(ok)).toBe(true)
    for (const bad of ['javascript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'java\tscript:x']) expect(isSafeLink(bad)).toBe(false)
  })

  it('tells relative images from embedded, remote and other ones', () => {
    expect(imageSource('images/a.png')).toBe('relative')
    expect(imageSource('data:image/png;base64,AAAA')).toBe('embedded')
    expect(imageSource('blob:https://x/1')).toBe('embedded')
    expect(imageSource('https://x.example/a.png')).toBe('remote')
    expect(imageSource('//x.example/a.png')).toBe('remote')
    expect(imageSource('\\\\x.example/a.png')).toBe('remote')
    expect(imageSource('file:///c/a.png')).toBe('other')
    expect(imageSource('')).toBe('other')
  })
})
