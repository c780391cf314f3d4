import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveRendererFile } from '../../../src/main/rendererFiles'

const root = '/app/out/renderer'

describe('resolveRendererFile', () => {
  it('maps app:// URLs to files in the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://holdfast/index.html')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://holdfast/')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://holdfast/drafts')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://holdfast/assets/index-1.js')).toBe(join(root, 'assets/index-1.js'))
  })

  it('refuses anything that would leave the folder', () => {
    // The URL parser already folds encoded dots, so this one stays inside (and is a missing file).
    expect(resolveRendererFile(root, 'app://holdfast/%2e%2e/%2e%2e/main/index.js')).toBe(join(root, 'main/index.js'))
    expect(resolveRendererFile(root, 'app://holdfast/..%2F..%2Fmain%2Findex.js')).toBeNull()
    expect(resolveRendererFile(root, 'app://holdfast/a%00.js')).toBeNull()
    expect(resolveRendererFile(root, 'app://holdfast/%E0%A4%A')).toBeNull()
  })
})
