import Konva from 'konva'

/**
 * Lifts the layers being dragged onto a canvas of their own for the drag, so each move redraws
 * only them and not every layer of the design (Konva's advice for dragging among many shapes).
 * The nodes drawn above the lowest dragged one go onto a second canvas above it, so stacking
 * looks the same while dragging (except for unselected layers between two selected ones, which
 * show above both until the drop). Returns the function that puts every node back in its order.
 */
export function liftForDrag(moving: readonly Konva.Node[]): () => void {
  const first = moving[0]
  const home = first?.getLayer()
  const stage = first?.getStage()
  if (!home || !stage || moving.some((node) => node.getLayer() !== home)) return () => {}
  const children = [...home.getChildren()]
  const lowest = Math.min(...moving.map((node) => children.findIndex((child) => child === node)))
  const lifted = children.slice(lowest)
  const movingLayer = new Konva.Layer({ name: 'drag-moving' })
  const aboveLayer = new Konva.Layer({ name: 'drag-above', listening: false })
  stage.add(movingLayer, aboveLayer)
  // Just above the design's own layer (below the selection handles and guides).
  movingLayer.zIndex(home.zIndex() + 1)
  aboveLayer.zIndex(movingLayer.zIndex() + 1)
  for (const node of lifted) node.moveTo(moving.includes(node) ? movingLayer : aboveLayer)
  home.batchDraw()
  return () => {
    // A node React removed during the drag (a teammate deleted its layer) is gone: it has no parent.
    for (const node of lifted) if (node.getParent()) node.moveTo(home)
    movingLayer.destroy()
    aboveLayer.destroy()
    // At once, not on the next frame: until the layer is drawn again its hit map lacks the
    // dropped nodes, and a click right after the drop would land on the background.
    home.draw()
  }
}
