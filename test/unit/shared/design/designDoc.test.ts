import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLayer,
  deleteLayers,
  designTypes,
  initDesign,
  isDesignAwaited,
  readCanvas,
  readDesign,
  setCanvas,
  updateLayers
} from '../../../../src/shared/design/designDoc'
import type { Canvas, ImageLayer, ShapeLayer } from '../../../../src/shared/design/types'
import { canvasOf, headlineLayer as text, imageLayer, rawLayer, shapeLayer, sync } from './designFixtures'

const canvas = canvasOf()
const image = (id: string, fields: Partial<ImageLayer> = {}): ImageLayer => imageLayer(id, { x: 0, y: 0, alt: 'Beach', ...fields })
const shape = (id: string, fields: Partial<ShapeLayer> = {}): ShapeLayer => shapeLayer(id, { fill: '#ff0000', ...fields })

describe('initDesign and readDesign', () => {
  it('reads back the canvas and every kind of layer exactly as written', () => {
    const doc = new Y.Doc()
    const layers = [image('photo', { z: 0 }), shape('band', { z: 1, shape: 'ellipse', opacity: 0.5 }), text('title', { z: 2, groupId: 'g1', rotation: -12.5 })]
    initDesign(doc, canvas, layers)
    expect(readDesign(doc)).toEqual({ canvas, layers, unreadable: [] })
    expect(readCanvas(doc)).toEqual(canvas)
  })

  it('keeps a linear gradient background', () => {
    const doc = new Y.Doc()
    const gradient: Canvas = { ...canvas, presetId: null, width: 640, height: 480, background: { kind: 'linear', from: '#000000', to: '#ffffff', angle: 45 } }
    initDesign(doc, gradient)
    expect(readDesign(doc)).toEqual({ canvas: gradient, layers: [], unreadable: [] })
  })

  it('survives a round trip through an update to another doc', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [text('t', { z: 1 }), shape('s', { z: 0 })])
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(readDesign(copy)).toEqual(readDesign(doc))
  })

  it('refuses to seed a design with an invalid canvas or layer', () => {
    expect(() => initDesign(new Y.Doc(), { ...canvas, width: 5 })).toThrow()
    expect(() => initDesign(new Y.Doc(), canvas, [shape('s', { fill: 'red' })])).toThrow()
  })

  it('lists layers bottom to top by z, ties broken by id', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('top', { z: 10 }), shape('b', { z: 2 }), shape('a', { z: 2 }), shape('bottom', { z: -3 }), shape('mid', { z: 2.5 })])
    expect(readDesign(doc)?.layers.map((layer) => layer.id)).toEqual(['bottom', 'a', 'b', 'mid', 'top'])
  })

  it('is null with no canvas, or a canvas a peer wrote wrongly', () => {
    expect(readDesign(new Y.Doc())).toBeNull()

    const badWidth = new Y.Doc()
    initDesign(badWidth, canvas, [shape('s')])
    badWidth.getMap('canvas').set('width', 'wide')
    expect(readDesign(badWidth)).toBeNull()

    const tooBig = new Y.Doc()
    initDesign(tooBig, canvas)
    tooBig.getMap('canvas').set('height', 100_000)
    expect(readDesign(tooBig)).toBeNull()

    const badBackground = new Y.Doc()
    initDesign(badBackground, canvas)
    badBackground.getMap('canvas').set('background', { kind: 'solid', color: 'white' })
    expect(readDesign(badBackground)).toBeNull()

    const missing = new Y.Doc()
    initDesign(missing, canvas)
    missing.getMap('canvas').delete('presetId')
    expect(readDesign(missing)).toBeNull()
  })

  it('tells a design still on its way (nothing in it) from a damaged one', () => {
    const arriving = new Y.Doc()
    expect(isDesignAwaited(arriving)).toBe(true)
    const made = new Y.Doc()
    initDesign(made, canvas, [shape('s')])
    sync(made, arriving)
    expect(isDesignAwaited(arriving)).toBe(false)
    expect(readDesign(arriving)).not.toBeNull()

    const canvasLost = new Y.Doc()
    initDesign(canvasLost, canvas, [shape('s')])
    for (const key of [...canvasLost.getMap('canvas').keys()]) canvasLost.getMap('canvas').delete(key)
    expect(readDesign(canvasLost)).toBeNull()
    expect(isDesignAwaited(canvasLost)).toBe(false)
  })

  it('lists layers a hostile peer wrote wrongly as unreadable and still reads the rest', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('good', { z: 1 }), text('words', { z: 2 }), shape('width'), shape('video'), text('red')])
    rawLayer(doc, 'width').set('width', 'abc')
    rawLayer(doc, 'video').set('type', 'video')
    rawLayer(doc, 'red').set('fill', 'red')
    const layers = doc.getMap<unknown>('layers')
    layers.set('plain', { ...shape('plain'), id: undefined })
    layers.set('string', 'not a layer')
    const emptyMap = new Y.Map<unknown>()
    layers.set('empty', emptyMap)

    const design = readDesign(doc)
    expect(design?.layers.map((layer) => layer.id)).toEqual(['good', 'words'])
    expect([...(design?.unreadable ?? [])].sort()).toEqual(['empty', 'plain', 'red', 'string', 'video', 'width'])
    expect(design?.canvas).toEqual(canvas)
  })

  it('takes a layer’s id from its key, not from an id property a peer wrote inside it', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('real')])
    rawLayer(doc, 'real').set('id', 'impostor')
    expect(readDesign(doc)?.layers.map((layer) => layer.id)).toEqual(['real'])
  })
})

describe('setCanvas', () => {
  it('changes only the given settings', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas)
    setCanvas(doc, { background: { kind: 'solid', color: '#000000' } })
    expect(readCanvas(doc)).toEqual({ ...canvas, background: { kind: 'solid', color: '#000000' } })
  })
})

describe('updateLayers', () => {
  function designWith(...layers: Parameters<typeof addLayer>[1][]): Y.Doc {
    const doc = new Y.Doc()
    initDesign(doc, canvas, layers)
    return doc
  }

  it('writes only the properties given', () => {
    const doc = designWith(shape('s', { x: 10, y: 20 }), text('t'))
    const written: string[] = []
    rawLayer(doc, 's').observe((event) => written.push(...event.keysChanged))
    updateLayers(doc, [{ id: 's', changes: { x: 50, fill: '#00ff00' } }])
    expect(written.sort()).toEqual(['fill', 'x'])
    expect(readDesign(doc)?.layers.find((layer) => layer.id === 's')).toEqual(shape('s', { x: 50, y: 20, fill: '#00ff00' }))
    expect(readDesign(doc)?.layers.find((layer) => layer.id === 't')).toEqual(text('t'))
  })

  it('does not rewrite a property that already has the value', () => {
    const doc = designWith(shape('s', { x: 10 }))
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    updateLayers(doc, [{ id: 's', changes: { x: 10 } }])
    expect(updates).toEqual([])
  })

  it('skips a patch that would make the layer invalid and applies the others', () => {
    const doc = designWith(text('t', { fontSize: 48 }), shape('s'))
    updateLayers(doc, [
      { id: 't', changes: { fontSize: -5, x: 999 } },
      { id: 's', changes: { fill: 'green' } },
      { id: 's', changes: { width: 300 } }
    ])
    const design = readDesign(doc)
    // The whole bad patch is dropped (not just its bad property), so x did not move either.
    expect(design?.layers.find((layer) => layer.id === 't')).toEqual(text('t', { fontSize: 48 }))
    expect(design?.layers.find((layer) => layer.id === 's')).toEqual(shape('s', { width: 300 }))
    expect(design?.unreadable).toEqual([])
  })

  it('skips patches to layers that are missing or unreadable', () => {
    const doc = designWith(shape('s'), shape('broken'))
    rawLayer(doc, 'broken').set('width', 'abc')
    updateLayers(doc, [
      { id: 'gone', changes: { x: 5 } },
      { id: 'broken', changes: { x: 5 } },
      { id: 's', changes: { x: 5 } }
    ])
    expect(doc.getMap('layers').has('gone')).toBe(false)
    expect(rawLayer(doc, 'broken').get('x')).toBe(0)
    expect(readDesign(doc)?.layers).toEqual([shape('s', { x: 5 })])
  })

  it('never changes a layer’s id or type', () => {
    const doc = designWith(shape('s'))
    updateLayers(doc, [{ id: 's', changes: { id: 'other', type: 'shape', x: 7 } }])
    expect(readDesign(doc)?.layers).toEqual([shape('s', { x: 7 })])
    expect(rawLayer(doc, 's').has('id')).toBe(false)
  })

  it('applies all patches in one transaction', () => {
    const doc = designWith(shape('a'), shape('b'), text('c'))
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    updateLayers(doc, [
      { id: 'a', changes: { x: 1 } },
      { id: 'b', changes: { y: 2, opacity: 0.3 } },
      { id: 'c', changes: { text: 'Hello' } }
    ])
    expect(transactions).toBe(1)
  })

  it('keeps both of two concurrent changes to different properties of one layer', () => {
    const a = designWith(shape('s', { x: 0, fill: '#ff0000' }))
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    updateLayers(a, [{ id: 's', changes: { x: 240 } }])
    updateLayers(b, [{ id: 's', changes: { fill: '#0000ff' } }])
    sync(a, b)

    const expected = shape('s', { x: 240, fill: '#0000ff' })
    expect(readDesign(a)?.layers).toEqual([expected])
    expect(readDesign(b)?.layers).toEqual([expected])
  })
})

describe('deleteLayers', () => {
  it('removes the layers, ignores unknown ids, and the removal reaches a peer', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('a', { z: 0 }), shape('b', { z: 1 }), shape('c', { z: 2 })])
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))

    deleteLayers(doc, ['a', 'c', 'nope'])
    expect(readDesign(doc)?.layers.map((layer) => layer.id)).toEqual(['b'])
    sync(doc, peer)
    expect(readDesign(peer)?.layers.map((layer) => layer.id)).toEqual(['b'])
  })

  it('removes unreadable layers too', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('a')])
    doc.getMap('layers').set('junk', 'x')
    deleteLayers(doc, ['junk'])
    expect(readDesign(doc)).toEqual({ canvas, layers: [shape('a')], unreadable: [] })
  })
})

describe('undo', () => {
  it('undoes an updateLayers with several patches in one step, and redoes it', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('a', { z: 0 }), text('b', { z: 1 })])
    const before = readDesign(doc)
    const undo = new Y.UndoManager(designTypes(doc))

    updateLayers(doc, [
      { id: 'a', changes: { x: 300, fill: '#123456' } },
      { id: 'b', changes: { text: 'Changed', fontSize: 20 } }
    ])
    const after = readDesign(doc)
    expect(after).not.toEqual(before)

    undo.undo()
    expect(readDesign(doc)).toEqual(before)
    expect(undo.canUndo()).toBe(false)
    undo.redo()
    expect(readDesign(doc)).toEqual(after)
  })

  it('tracks the canvas, added layers and deleted layers', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('a')])
    const before = readDesign(doc)
    const undo = new Y.UndoManager(designTypes(doc))

    setCanvas(doc, { background: { kind: 'solid', color: '#222222' } })
    undo.stopCapturing()
    addLayer(doc, text('new', { z: 5 }))
    undo.stopCapturing()
    deleteLayers(doc, ['a'])
    expect(readDesign(doc)?.layers.map((layer) => layer.id)).toEqual(['new'])

    undo.undo()
    expect(readDesign(doc)?.layers.map((layer) => layer.id)).toEqual(['a', 'new'])
    undo.undo()
    undo.undo()
    expect(readDesign(doc)).toEqual(before)
  })

  it('does not undo a teammate’s change', () => {
    const doc = new Y.Doc()
    initDesign(doc, canvas, [shape('a'), shape('b', { z: 1 })])
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const undo = new Y.UndoManager(designTypes(doc))

    updateLayers(doc, [{ id: 'a', changes: { x: 10 } }])
    updateLayers(peer, [{ id: 'b', changes: { x: 20 } }])
    sync(doc, peer)
    undo.undo()
    expect(readDesign(doc)?.layers.map((layer) => layer.x)).toEqual([0, 20])
  })
})
