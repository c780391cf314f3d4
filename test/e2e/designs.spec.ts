import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../src/shared/contracts/docs'
import { applyUpdates } from '../../src/shared/docs/yjsUpdates'
import { addDocument, listDocuments } from '../../src/shared/workspace/workspaceIndex'
import { pngImage } from '../support/images'
import { expectNoSeriousViolations } from './fixtures/axe'
import { openDrafts, writeDraft } from './fixtures/drafts'
import { connectToHeadless } from './fixtures/rpcClient'
import { expect, test } from './fixtures/test'
import { decodePng, designCanvas, differingPixels, exportFile, inspector, layerList, newDesign, openDesigns, setColour, setNumber } from './fixtures/designs'

const REFERENCE = join(import.meta.dirname, 'reference/design-instagram-post.png')

test.describe('designs', () => {
  test('a design built through the UI exports at its exact size and matches the reference image', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await setColour(page, 'Background colour', '#1d3557')

    await page.getByRole('button', { name: 'Add rectangle' }).click()
    await setNumber(page, 'X', 90)
    await setNumber(page, 'Y', 640)
    await setNumber(page, 'Width', 900)
    await setNumber(page, 'Height', 300)
    await setNumber(page, 'Corner radius', 24)
    await setColour(page, 'Fill', '#e63946')

    await page.getByRole('button', { name: 'Add text' }).click()
    await inspector(page).getByRole('textbox', { name: 'Text', exact: true }).fill('Spring sale\nThis weekend only')
    await setNumber(page, 'X', 90)
    await setNumber(page, 'Y', 160)
    await setNumber(page, 'Width', 900)
    await setNumber(page, 'Height', 300)
    await setNumber(page, 'Font size', 96)
    await setColour(page, 'Text colour', '#f1faee')
    await expect(layerList(page).getByRole('button')).toHaveCount(2)

    const png = await exportFile(page, 'Export PNG')
    expect(png.name).toBe('design-1080x1080.png')
    const image = decodePng(png.bytes)
    expect([image.width, image.height]).toEqual([1080, 1080])
    if (process.env.UPDATE_REFERENCE === '1') {
      await writeFile(REFERENCE, png.bytes)
      test.info().annotations.push({ type: 'reference', description: `written to ${REFERENCE}` })
    }
    expect(existsSync(REFERENCE), `no reference image at ${REFERENCE}: run with UPDATE_REFERENCE=1 to write one`).toBe(true)
    const reference = decodePng(await readFile(REFERENCE))
    expect(differingPixels(image, reference, 48)).toBeLessThan(0.005)

    const double = decodePng((await exportFile(page, 'Export PNG 2×')).bytes)
    expect([double.width, double.height]).toEqual([2160, 2160])

    const jpeg = await exportFile(page, 'Export JPEG')
    expect(jpeg.name).toBe('design-1080x1080.jpg')
    expect([...jpeg.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])

    const svg = await exportFile(page, 'Export SVG')
    const text = svg.bytes.toString('utf8')
    expect(text).toContain('width="1080"')
    expect(text).toContain('Spring sale')
    expect(text).toContain('#e63946')
    await page.screenshot({ path: test.info().outputPath('design.png') })
  })
})

test.describe('design editing', () => {
  test('a dragged layer snaps to the canvas edge; undo, redo, delete, duplicate and lock work from the keyboard', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByRole('button', { name: 'Add rectangle' }).click()
    const x = inspector(page).getByRole('spinbutton', { name: 'X', exact: true })
    await expect(x).toHaveValue('405')

    // Drag the rectangle left until its edge is a few pixels from the canvas's: it snaps onto it.
    const stage = await designCanvas(page).locator('canvas').first().boundingBox()
    if (!stage) throw new Error('no canvas on screen')
    const scale = stage.width / 1080
    const from = { x: stage.x + 540 * scale, y: stage.y + 540 * scale }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(from.x - (398 * scale * step) / 10, from.y + 2 * scale)
    await page.mouse.up()
    await expect(x).toHaveValue('0')
    await expect(inspector(page).getByRole('spinbutton', { name: 'Y', exact: true })).toHaveValue('405')

    await designCanvas(page).focus()
    await page.keyboard.press('Control+z')
    await expect(x).toHaveValue('405')
    await page.keyboard.press('Control+Shift+z')
    await expect(x).toHaveValue('0')
    await page.keyboard.press('ArrowRight')
    await expect(x).toHaveValue('1')
    await page.keyboard.press('Shift+ArrowRight')
    await expect(x).toHaveValue('11')

    await page.keyboard.press('Control+d')
    await expect(layerList(page).getByRole('button')).toHaveCount(2)
    await page.keyboard.press('Delete')
    await expect(layerList(page).getByRole('button')).toHaveCount(1)
    await page.keyboard.press('Control+z')
    await expect(layerList(page).getByRole('button')).toHaveCount(2)

    await layerList(page).getByRole('button', { name: /^Rectangle Shape/ }).click()
    await page.getByRole('toolbar', { name: 'Arrange' }).getByRole('button', { name: 'Lock' }).click()
    await expect(page.getByRole('button', { name: 'Delete layer' })).toBeDisabled()
    await designCanvas(page).focus()
    await page.keyboard.press('Delete')
    await expect(layerList(page).getByRole('button')).toHaveCount(2)
  })

  test('a drag keeps the stacking while it moves, says Saving… until the drop, and moves every selected layer', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByRole('button', { name: 'Add rectangle' }).click()
    for (const [label, value] of [['X', 100], ['Y', 100], ['Width', 400], ['Height', 400]] as const) await setNumber(page, label, value)
    await setColour(page, 'Fill', '#e63946')
    await page.getByRole('button', { name: 'Add ellipse' }).click()
    for (const [label, value] of [['X', 300], ['Y', 300], ['Width', 300], ['Height', 300]] as const) await setNumber(page, label, value)
    await setColour(page, 'Fill', '#1d3557')
    await expect(page.locator('.save-status')).toHaveText('Saved')

    const stage = designCanvas(page).locator('.design-stage')
    const box = await stage.boundingBox()
    if (!box) throw new Error('no canvas on screen')
    const scale = box.width / 1080
    const at = (x: number, y: number): { x: number; y: number } => ({ x: box.x + x * scale, y: box.y + y * scale })
    const colourAt = async (x: number, y: number): Promise<string> => {
      const shot = decodePng(await stage.screenshot())
      const i = (Math.round(y * scale) * shot.width + Math.round(x * scale)) * 4
      return `#${[0, 1, 2].map((c) => (shot.data[i + c] ?? 0).toString(16).padStart(2, '0')).join('')}`
    }

    // The rectangle (below the ellipse) is dragged by a corner only it covers.
    await layerList(page).getByRole('button', { name: /^Rectangle/ }).click()
    const from = at(150, 150)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(from.x + 5 * scale * step, from.y + 5 * scale * step)
    // Mid-drag: the ellipse is still drawn over the rectangle where they overlap, and nothing claims to be saved.
    expect(await colourAt(450, 450)).toBe('#1d3557')
    await expect(page.locator('.save-status')).toHaveText('Saving…')
    await page.mouse.up()
    await expect(page.locator('.save-status')).toHaveText('Saved')
    // Where it landed (snapping may have pulled it onto a guide).
    const x = inspector(page).getByRole('spinbutton', { name: 'X', exact: true })
    const y = inspector(page).getByRole('spinbutton', { name: 'Y', exact: true })
    await expect(x).not.toHaveValue('100')
    const [rectX, rectY] = [Number(await x.inputValue()), Number(await y.inputValue())]
    expect(await colourAt(450, 450)).toBe('#1d3557')

    // Both selected: dragging the ellipse moves the rectangle with it, on screen and in the design.
    await layerList(page).getByRole('button', { name: /^Ellipse/ }).click({ modifiers: ['Shift'] })
    await expect(page.getByText('2 layers selected')).toBeVisible()
    const start = at(450, 450)
    await page.mouse.move(start.x, start.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(start.x + 8 * scale * step, start.y)
    // Just right of the rectangle's old right edge, above the ellipse: red once the rectangle came along.
    expect(await colourAt(rectX + 420, rectY + 50)).toBe('#e63946')
    await page.mouse.up()
    await expect(page.locator('.save-status')).toHaveText('Saved')
    await expect(page.getByText('2 layers selected')).toBeVisible()
    // A click without a drag on one of them selects it alone.
    await page.mouse.click(start.x + 20 * scale, start.y)
    await expect(inspector(page).getByRole('textbox', { name: 'Layer name' })).toHaveValue('Ellipse')
    await layerList(page).getByRole('button', { name: /^Rectangle/ }).click()
    const moved = Number(await x.inputValue()) - rectX
    expect(moved).toBeGreaterThan(20)
    await layerList(page).getByRole('button', { name: /^Ellipse/ }).click()
    await expect(x).toHaveValue(String(300 + moved))

    // A locked layer in the selection stays where it is while the rest is dragged.
    await layerList(page).getByRole('button', { name: /^Rectangle/ }).click()
    await page.getByRole('toolbar', { name: 'Arrange' }).getByRole('button', { name: 'Lock' }).click()
    const lockedX = await x.inputValue()
    await layerList(page).getByRole('button', { name: /^Ellipse/ }).click({ modifiers: ['Shift'] })
    await expect(page.getByText('2 layers selected')).toBeVisible()
    const ellipseCentre = at(450 + moved, 450)
    await page.mouse.move(ellipseCentre.x, ellipseCentre.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(ellipseCentre.x, ellipseCentre.y + 6 * scale * step)
    await page.mouse.up()
    await expect(page.locator('.save-status')).toHaveText('Saved')
    await layerList(page).getByRole('button', { name: /^Ellipse/ }).click()
    await expect(y).not.toHaveValue('300')
    await layerList(page).getByRole('button', { name: /^Rectangle/ }).click()
    await expect(x).toHaveValue(lockedX)
    await expect(y).toHaveValue(String(rectY))
  })

  test('an image from a file becomes a layer; a small one is flagged as too few pixels; its palette comes from its colours', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByLabel('Image file').setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(200, 120, [20, 90, 160])) })
    await expect(layerList(page).getByRole('button', { name: /^harbour Image/ })).toBeVisible()
    await expect(inspector(page).getByText('Source 200 × 120 px')).toBeVisible()
    // Drawn 4.3 times its size on export: the check says so.
    await setNumber(page, 'Width', 864)
    await setNumber(page, 'Height', 518)
    await expect(page.getByRole('list', { name: 'Design problems' })).toContainText('harbour')
    await inspector(page).getByRole('button', { name: 'Palette from image' }).click()
    await expect(inspector(page).getByRole('list', { name: /^Palette from “harbour”/ }).getByRole('listitem').first()).toHaveAttribute('title', '#145aa0')
  })

  test('an image pasted from the clipboard becomes a layer', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    const bytes = [...pngImage(64, 64, [240, 200, 20])]
    await designCanvas(page).evaluate((canvas, png) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(png)], 'image.png', { type: 'image/png' }))
      canvas.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, bytes)
    await expect(layerList(page).getByRole('button', { name: /^image Image/ })).toBeVisible()
    await expect(inspector(page).getByText('Source 64 × 64 px')).toBeVisible()
  })

  test('an image over the size limit is refused with the limit named', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByLabel('Image file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024, 1) })
    await expect(page.getByRole('alert')).toContainText('“huge.png” is too large')
    await expect(layerList(page).getByRole('button')).toHaveCount(0)
  })

  test('a layer is resized and rotated with its handles, and the background can be a gradient', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByRole('button', { name: 'Add rectangle' }).click()
    const stage = await designCanvas(page).locator('canvas').first().boundingBox()
    if (!stage) throw new Error('no canvas on screen')
    const scale = stage.width / 1080
    // The bottom-right handle of the 270 px square at (405, 405), dragged 135 canvas px right and down.
    const corner = { x: stage.x + 675 * scale, y: stage.y + 675 * scale }
    await page.mouse.move(corner.x, corner.y)
    await page.mouse.down()
    await page.mouse.move(corner.x + 67 * scale, corner.y + 67 * scale, { steps: 5 })
    await page.mouse.move(corner.x + 135 * scale, corner.y + 135 * scale, { steps: 5 })
    await page.mouse.up()
    const width = Number(await inspector(page).getByRole('spinbutton', { name: 'Width', exact: true }).inputValue())
    expect(width).toBeGreaterThan(380)
    expect(width).toBeLessThan(430)
    await setNumber(page, 'Rotation', 30)

    await designCanvas(page).focus()
    await page.keyboard.press('Escape')
    await inspector(page).getByRole('combobox', { name: 'Background' }).selectOption('Gradient')
    await setColour(page, 'Gradient start', '#ff0000')
    await setColour(page, 'Gradient end', '#0000ff')
    await setNumber(page, 'Gradient angle', 0)
    const png = decodePng((await exportFile(page, 'Export PNG')).bytes)
    const pixel = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)]
    expect(pixel(2, 2)[0]).toBeGreaterThan(230)
    expect(pixel(1077, 2)[2]).toBeGreaterThan(230)
  })

  test('an image that cannot be read gets a clear error and adds nothing', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByLabel('Image file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') })
    await expect(page.getByRole('alert')).toContainText('“photo.png” could not be read as an image')
    await expect(layerList(page).getByRole('button')).toHaveCount(0)
  })
})

test.describe('damaged designs', () => {
  test('a design whose canvas a faulty peer damaged does not crash the editor, and a version restores it', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    await page.getByRole('button', { name: 'Add ellipse' }).click()
    await expect(page.locator('.save-status')).toHaveText('Saved')
    await page.getByRole('button', { name: 'History' }).click()
    const history = page.getByRole('dialog', { name: 'Design history' })
    await history.getByRole('textbox', { name: 'Version name' }).fill('With the ellipse')
    await history.getByRole('button', { name: 'Save version' }).click()
    await expect(history.getByRole('list', { name: 'Versions' })).toContainText('With the ellipse')
    await history.getByRole('button', { name: 'Close design history' }).click()

    // What a buggy teammate's app might send: a canvas width that is not a number.
    const { client, close } = await connectToHeadless(holdfast.url)
    try {
      const index = new Y.Doc()
      applyUpdates(index, (await client.docs.load({ docId: WORKSPACE_INDEX_ID })).updates)
      const [design] = listDocuments(index).filter((entry) => entry.kind === 'design')
      if (!design) throw new Error('the design is not listed')
      const doc = new Y.Doc()
      applyUpdates(doc, (await client.docs.load({ docId: design.id })).updates)
      const before = Y.encodeStateVector(doc)
      doc.getMap('canvas').set('width', 'very wide')
      await client.docs.append({ docId: design.id, updates: [Y.encodeStateAsUpdate(doc, before)] })
    } finally {
      close()
    }

    await page.reload()
    await openDesigns(page, holdfast.url)
    await page.getByRole('list', { name: 'Designs' }).getByRole('button').first().click()
    await expect(page.getByRole('alert')).toContainText('This design cannot be shown: its canvas settings are damaged')
    await page.getByRole('button', { name: 'Restore a version' }).click()
    await history.getByRole('button', { name: /^Restore With the ellipse/ }).click()
    await expect(designCanvas(page).locator('canvas').first()).toBeVisible()
    await expect(layerList(page).getByRole('button', { name: /^Ellipse/ })).toBeVisible()
  })
})

test.describe('designs still on their way', () => {
  test('a design a teammate listed whose content has not arrived says so, not that it is damaged', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    // What the workspace index brings when a teammate made a design and went offline before its content reached us.
    const { client, close } = await connectToHeadless(holdfast.url)
    try {
      const index = new Y.Doc()
      applyUpdates(index, (await client.docs.load({ docId: WORKSPACE_INDEX_ID })).updates)
      const before = Y.encodeStateVector(index)
      addDocument(index, 'teammates-banner', 'design', 'Launch banner', Date.now())
      await client.docs.append({ docId: WORKSPACE_INDEX_ID, updates: [Y.encodeStateAsUpdate(index, before)] })
    } finally {
      close()
    }

    await page.reload()
    await openDesigns(page, holdfast.url)
    await page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: /Launch banner/ }).click()
    await expect(page.getByRole('status').filter({ hasText: 'This design has not arrived yet' })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Restore a version' })).toHaveCount(0)
  })
})

test.describe('design help without a model', () => {
  test('Design from this draft fills a template with the draft’s title, a key line and a call to action', async ({ page, holdfast }) => {
    await openDrafts(page, holdfast.url)
    await writeDraft(
      page,
      'Harbour festival returns',
      'The harbour festival is back this summer. More than 40 boats will sail into the old port on 12 July for the first time in five years. Register before June to join the parade.'
    )
    await page.getByRole('button', { name: 'Design from this draft' }).click()
    const dialog = page.getByRole('dialog', { name: 'Design from this draft' })
    await expect(dialog.getByRole('definition').first()).toHaveText('Harbour festival returns')
    await dialog.getByRole('radio', { name: /^Bold announcement/ }).check()
    await dialog.getByRole('button', { name: 'Create design' }).click()

    await expect(page.getByRole('heading', { name: 'Designs', level: 1 })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Harbour festival returns')
    const text = inspector(page).getByRole('textbox', { name: 'Text', exact: true })
    await layerList(page).getByRole('button', { name: /^Headline/ }).click()
    await expect(text).toHaveValue('Harbour festival returns')
    await layerList(page).getByRole('button', { name: /^Subline/ }).click()
    await expect(text).toHaveValue(/40 boats/)
    await layerList(page).getByRole('button', { name: /^Call to action/ }).click()
    await expect(text).toHaveValue('Save your seat')
  })

  test('the contrast check finds hard-to-read text and its fix makes it pass; palettes and layout ideas apply in one undo step', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await newDesign(page, 'Instagram post')
    const problems = page.getByRole('list', { name: 'Design problems' })
    await page.getByRole('button', { name: 'Add text' }).click()
    await setColour(page, 'Text colour', '#bbbbbb')
    await expect(problems).toContainText('is hard to read')
    await problems.getByRole('button', { name: 'Fix contrast' }).click()
    await expect(problems).not.toContainText('is hard to read')
    await expect(page.getByText('No problems found')).toBeVisible()

    // Text pushed past the bottom edge is outside the safe zone.
    await setNumber(page, 'Y', 1040)
    await expect(problems).toContainText('reaches into the edge area')

    await inspector(page).getByRole('textbox', { name: 'Mood' }).fill('calm')
    await inspector(page).getByRole('button', { name: 'Suggest palette' }).click()
    await expect(inspector(page).getByRole('list', { name: /^Palette for “calm” · Written by / }).getByRole('listitem')).toHaveCount(5)
    const textColour = inspector(page).getByLabel('Text colour', { exact: true })
    const fixed = await textColour.inputValue()
    await inspector(page).getByRole('button', { name: 'Apply palette' }).click()
    await expect(textColour).not.toHaveValue(fixed)
    await expect(problems).not.toContainText('is hard to read')
    await designCanvas(page).focus()
    await page.keyboard.press('Control+z')
    await expect(textColour).toHaveValue(fixed)

    await inspector(page).getByRole('button', { name: 'Suggest layouts' }).click()
    const ideas = inspector(page).getByRole('list', { name: 'Suggested layouts' }).getByRole('button')
    await expect(ideas.first()).toBeVisible()
    await ideas.first().click()
    await expect(problems).not.toContainText('reaches into the edge area')
  })

  test('the designs view has no serious accessibility violations (axe-core); Ctrl+N there starts a new design', async ({ page, holdfast }) => {
    await openDesigns(page, holdfast.url)
    await page.keyboard.press('Control+n')
    await expect(page.getByRole('dialog', { name: 'New design' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'New design' })).toBeHidden()
    await newDesign(page, 'Bold announcement')
    await expectNoSeriousViolations(page, 'a design open')
  })
})
