import type * as Y from 'yjs'
import { alignLayers, distributeLayers, restack, topZ, withGroups, type Alignment } from '../../../../shared/design/arrange'
import { addLayer, deleteLayers, updateLayers, type LayerPatch } from '../../../../shared/design/designDoc'
import type { Design, Layer } from '../../../../shared/design/types'

/** How far an arrow key moves the selection (with Shift: ten times as far). */
const NUDGE_PX = 1

/**
 * The editing commands on a design's selection. Each is one Yjs transaction and its own undo step
 * (`separate` ends the step before it), except nudges, which merge while a key is held.
 */
export function designCommands(doc: Y.Doc, design: Design, selected: ReadonlySet<string>, select: (ids: Set<string>) => void, separate: () => void) {
  const chosen = design.layers.filter((layer) => selected.has(layer.id))
  const unlocked = chosen.filter((layer) => !layer.locked)
  const patch = (patches: LayerPatch[]): void => {
    separate()
    updateLayers(doc, patches)
  }
  return {
    add: (layer: Layer): void => {
      separate()
      addLayer(doc, layer)
      select(new Set([layer.id]))
    },
    remove: (): void => {
      separate()
      deleteLayers(doc, unlocked.map((layer) => layer.id))
      select(new Set())
    },
    duplicate: (): void => {
      const offset = Math.round(Math.min(design.canvas.width, design.canvas.height) / 40)
      let z = topZ(design.layers)
      // Copies of grouped layers form a new group of their own.
      const groups = new Map<string, string>()
      const copyGroup = (groupId: string | null): string | null => {
        if (!groupId) return null
        const copy = groups.get(groupId) ?? crypto.randomUUID()
        groups.set(groupId, copy)
        return copy
      }
      const copies = chosen.map((layer) => ({
        ...layer,
        id: crypto.randomUUID(),
        name: `${layer.name} copy`.slice(0, 200),
        x: layer.x + offset,
        y: layer.y + offset,
        z: z++,
        locked: false,
        groupId: copyGroup(layer.groupId)
      }))
      separate()
      doc.transact(() => {
        for (const copy of copies) addLayer(doc, copy)
      })
      select(new Set(copies.map((copy) => copy.id)))
    },
    nudge: (dx: number, dy: number, far: boolean): void => {
      const step = far ? NUDGE_PX * 10 : NUDGE_PX
      updateLayers(doc, unlocked.map((layer) => ({ id: layer.id, changes: { x: layer.x + dx * step, y: layer.y + dy * step } })))
    },
    group: (): void => {
      if (chosen.length < 2) return
      const groupId = crypto.randomUUID()
      patch(chosen.map((layer) => ({ id: layer.id, changes: { groupId } })))
    },
    ungroup: (): void => {
      patch(chosen.filter((layer) => layer.groupId).map((layer) => ({ id: layer.id, changes: { groupId: null } })))
    },
    setLocked: (locked: boolean): void => {
      patch(chosen.map((layer) => ({ id: layer.id, changes: { locked } })))
    },
    restack: (direction: 'forward' | 'backward' | 'front' | 'back'): void => {
      patch(restack(design.layers, selected, direction))
    },
    align: (alignment: Alignment): void => {
      patch(alignLayers(chosen, design.canvas, alignment))
    },
    distribute: (axis: 'horizontal' | 'vertical'): void => {
      patch(distributeLayers(chosen, axis))
    },
    selectAll: (): void => {
      select(new Set(design.layers.map((layer) => layer.id)))
    },
    /** Selects a layer (and its group), or adds it to the selection. */
    pick: (id: string | null, additive: boolean): void => {
      if (id === null) return select(new Set())
      const clicked = withGroups(design.layers, new Set([id]))
      if (!additive) return select(clicked)
      const next = new Set(selected)
      const removing = selected.has(id)
      for (const member of clicked) {
        if (removing) next.delete(member)
        else next.add(member)
      }
      select(next)
    }
  }
}

export type DesignCommands = ReturnType<typeof designCommands>
