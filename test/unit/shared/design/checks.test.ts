import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../../../../src/shared/design/color'
import { contrastIssues, lowResolutionIssues, overflowIssues, runChecks, safeZoneIssues } from '../../../../src/shared/design/checks'
import { design, imageLayer, shapeLayer, textLayer } from './designFixtures'

describe('contrastIssues', () => {
  it('reports grey body text on white as an error with a colour that passes', () => {
    const [issue, ...rest] = contrastIssues(design([textLayer('price', { name: 'Price', fill: '#777777' })]))
    expect(rest).toEqual([])
    expect(issue).toMatchObject({ kind: 'contrast', layerId: 'price', severity: 'error' })
    expect(issue!.message).toContain('“Price” is hard to read')
    expect(issue!.message).toContain('4.48:1')
    expect(issue!.message).toContain('at least 4.5:1')
    const suggested = /to (#[0-9a-f]{6})/.exec(issue!.message)?.[1]
    expect(contrastRatio(suggested!, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('accepts the same grey as a large headline, and black text', () => {
    expect(contrastIssues(design([textLayer('h', { fill: '#777777', fontSize: 48, role: 'headline' }), textLayer('b', { fill: '#000000' })]))).toEqual([])
  })

  it('warns that text over an image cannot be checked', () => {
    const issues = contrastIssues(design([imageLayer('photo', { x: 0, y: 0, width: 1080, height: 1080 }), textLayer('t')]))
    expect(issues).toMatchObject([{ kind: 'contrast', layerId: 't', severity: 'warning' }])
    expect(issues[0]!.message).toContain('cannot be checked')
  })

  it('skips empty and invisible text', () => {
    expect(contrastIssues(design([textLayer('empty', { text: '  ', fill: '#ffffff' }), textLayer('hidden', { opacity: 0, fill: '#ffffff' })]))).toEqual([])
  })
})

describe('overflowIssues', () => {
  const box = textLayer('copy', { name: '', text: 'Fresh bread every morning', height: 100 })

  it('reports text taller than its box by more than a pixel', () => {
    const issues = overflowIssues(design([box]), () => 130)
    expect(issues).toMatchObject([{ kind: 'overflow', layerId: 'copy', severity: 'error' }])
    expect(issues[0]!.message).toContain('“Fresh bread every morning” does not fit its box')
  })

  it('lets a pixel of rounding pass', () => {
    expect(overflowIssues(design([box]), () => 101)).toEqual([])
    expect(overflowIssues(design([box]), () => 40)).toEqual([])
  })
})

describe('safeZoneIssues', () => {
  it('reports a headline reaching into the Instagram margin as an error, body text as a warning', () => {
    const issues = safeZoneIssues(
      design([textLayer('headline', { role: 'headline', x: 20, y: 200 }), textLayer('body', { x: 60, y: 1000, height: 60 }), textLayer('fine', { x: 54, y: 54, width: 972, height: 972 })])
    )
    expect(issues).toMatchObject([
      { kind: 'safe-zone', layerId: 'headline', severity: 'error' },
      { kind: 'safe-zone', layerId: 'body', severity: 'warning' }
    ])
    expect(issues[0]!.message).toContain('Instagram post')
  })

  it('uses the rotated box', () => {
    const tilted = textLayer('tilted', { x: 100, y: 60, width: 400, height: 80 })
    expect(safeZoneIssues(design([tilted]))).toEqual([])
    expect(safeZoneIssues(design([{ ...tilted, rotation: -20 }]))).toMatchObject([{ layerId: 'tilted' }])
  })

  it('uses a 5 % margin on a custom canvas', () => {
    const issues = safeZoneIssues(design([textLayer('t', { x: 40, y: 100 })], { width: 1000, height: 500, presetId: null }))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toContain('too close to the edge')
    expect(safeZoneIssues(design([textLayer('t', { x: 50, y: 100 })], { width: 1000, height: 500, presetId: null }))).toEqual([])
  })
})

describe('lowResolutionIssues', () => {
  const photo = imageLayer('photo', { name: 'Team photo', width: 500, height: 375, naturalWidth: 600, naturalHeight: 450 })

  it('accepts an image with enough pixels at 1× and warns at 2×', () => {
    expect(lowResolutionIssues(design([photo]), 1)).toEqual([])
    const issues = lowResolutionIssues(design([photo]), 2)
    expect(issues).toMatchObject([{ kind: 'low-resolution', layerId: 'photo', severity: 'warning' }])
    expect(issues[0]!.message).toContain('needs 1000 × 750 px, the picture has 600 × 450 px')
  })

  it('is an error when the image is blown up more than twice', () => {
    expect(lowResolutionIssues(design([{ ...photo, naturalWidth: 200, naturalHeight: 150 }]), 1)).toMatchObject([{ severity: 'error' }])
  })
})

describe('runChecks', () => {
  it('runs every check, errors first, top layer first', () => {
    const issues = runChecks(
      design([
        imageLayer('photo', { x: 600, y: 600, width: 400, height: 300, naturalWidth: 300, naturalHeight: 225 }),
        shapeLayer('card', { x: 54, y: 54, width: 500, height: 300, fill: '#222222' }),
        textLayer('headline', { role: 'headline', x: 60, y: 60, width: 480, fill: '#444444', fontSize: 40 }),
        textLayer('cta', { role: 'cta', x: 30, y: 900, width: 300, height: 60 })
      ]),
      { measureTextHeight: (layer) => (layer.id === 'cta' ? 90 : layer.height), scale: 1 }
    )
    expect(issues.map(({ kind, layerId, severity }) => `${severity} ${kind} ${layerId}`)).toEqual([
      'error overflow cta',
      'error safe-zone cta',
      'error contrast headline',
      'warning low-resolution photo'
    ])
  })
})
