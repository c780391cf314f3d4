import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { caretToEnd, chooseDraft, draftList, draftText, expectSaved, newDraft, openDrafts, typeTitle, writeDraft } from './fixtures/drafts'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { decodeInvite } from '../../src/core/sync/team/inviteCode'
import { deriveTeamSecrets, roomName } from '../../src/core/sync/team/teamSecrets'
import { WORKSPACE_INDEX_ID } from '../../src/shared/contracts/docs'
import { pngImage } from '../support/images'
import { outsideNamespace } from '../support/loopbackNamespace'
import { MAX_BACKGROUND_ROOMS } from '../../src/renderer/src/lib/sync/catchUp'
import { inspector, layerList, newDesign } from './fixtures/designs'
import { connectToHeadless } from './fixtures/rpcClient'
import { seedDrafts } from './fixtures/seedDrafts'
import { StockPeer } from './fixtures/stockPeer'
import { startStockSignalingServer } from './fixtures/stockSignalingServer'
import { storedDraftTexts, storedImageCount } from './fixtures/storedDrafts'
import { expect, test, type HeadlessInstance } from './fixtures/test'

/**
 * Team sync between two full Holdfast instances (separate headless processes, data folders and
 * browser contexts), with no signaling URL configured: each page signals only through its own
 * core, and the cores find each other by LAN discovery. WebRTC runs for real between the pages,
 * inside the loopback-only network namespace that `npm run test:e2e` enters.
 */
const NO_NAMESPACE = outsideNamespace('Team sync tests', 'WebRTC tests')
test.skip(NO_NAMESPACE !== null, NO_NAMESPACE ?? '')

interface Teammates {
  a: Page
  b: Page
  coreA: HeadlessInstance
  coreB: HeadlessInstance
}

/**
 * Two teammates: two headless instances with data folders of their own, each with a page in a
 * browser context of its own (pages of one context would sync over BroadcastChannel, not WebRTC).
 * The folders are removed when `use` ends.
 */
async function withTeammates(
  launchHeadless: (dataDir?: string, extraArgs?: readonly string[]) => Promise<HeadlessInstance>,
  newContext: () => Promise<BrowserContext>,
  use: (teammates: Teammates) => Promise<void>
): Promise<void> {
  const dirs: [string, string] = [await mkdtemp(join(tmpdir(), 'holdfast-sync-a-')), await mkdtemp(join(tmpdir(), 'holdfast-sync-b-'))]
  try {
    const [coreA, coreB] = await Promise.all([launchHeadless(dirs[0]), launchHeadless(dirs[1])])
    const [a, b] = await Promise.all([newContext().then((c) => c.newPage()), newContext().then((c) => c.newPage())])
    await use({ a, b, coreA, coreB })
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }
}

async function openTeam(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Team' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible()
}

async function openDraftsSection(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Drafts' }).click()
}

/** Shares A's workspace as "Newsroom" and returns the invite code from the Invite dialog. */
async function createTeamAndInvite(page: Page): Promise<string> {
  await openTeam(page)
  await page.getByRole('textbox', { name: 'Team name' }).fill('Newsroom')
  await page.getByRole('button', { name: 'Create team' }).click()
  await expect(page.getByText('This workspace is shared with Newsroom.')).toBeVisible()
  await page.getByRole('button', { name: 'Invite' }).click()
  const inviteBox = page.getByRole('dialog', { name: 'Invite a teammate' }).getByRole('textbox', { name: 'Invite code' })
  await expect(inviteBox).toHaveValue(/^HF1-/)
  const code = await inviteBox.inputValue()
  await expect(page.getByRole('img', { name: 'The invite as a QR code' })).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()
  return code
}

/** Joins with an invite code as pasted (surrounding spaces and line breaks included). */
async function joinTeam(page: Page, code: string): Promise<void> {
  await openTeam(page)
  await page.getByRole('button', { name: 'Join team' }).click()
  const joinDialog = page.getByRole('dialog', { name: 'Join a team' })
  await joinDialog.getByRole('textbox', { name: 'Invite code' }).fill(code)
  await joinDialog.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByText('This workspace is shared with Newsroom.')).toBeVisible()
}

const picketPhoto = { name: 'picket line.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(320, 120, [30, 120, 200])) }

/** Widths of the images the editor shows, once the browser has decoded them (0 while not loaded). */
function shownImageWidths(page: Page): Promise<number[]> {
  return draftText(page)
    .locator('img')
    .evaluateAll((images) => images.map((img) => (img as HTMLImageElement).naturalWidth))
}

/** The LAN signaling server's address, as the Team view shows its port. */
async function lanSignalingUrl(page: Page): Promise<string> {
  const text = await page.getByText(/Listening for teammates on the local network \(port \d+\)/).textContent()
  return `ws://127.0.0.1:${text?.match(/port (\d+)/)?.[1] ?? ''}`
}

/**
 * A stock yjs + y-webrtc client holding nothing but an invite: it derives the room names and the
 * password as any y-webrtc app could, and signals through the given server.
 */
class InvitedStockClient {
  private readonly peers: StockPeer[] = []
  private readonly secrets: ReturnType<typeof deriveTeamSecrets>

  constructor(
    code: string,
    private readonly signaling: string
  ) {
    const invite = decodeInvite(code)
    this.secrets = deriveTeamSecrets(invite.key, invite.workspaceId)
  }

  /** Joins the workspace index's room, waits for the workspace's one draft, and joins its room too. */
  async joinOnlyDraft(): Promise<StockPeer> {
    const index = this.join(WORKSPACE_INDEX_ID)
    await expect.poll(() => index.doc.getMap('drafts').size, { timeout: 30_000 }).toBe(1)
    const [draftId = ''] = [...index.doc.getMap('drafts').keys()]
    return this.join(draftId)
  }

  destroy(): void {
    for (const peer of this.peers) peer.destroy()
  }

  private join(docId: string): StockPeer {
    const peer = new StockPeer(roomName(this.secrets.roomSecret, docId), this.secrets.password, this.signaling)
    this.peers.push(peer)
    return peer
  }
}

function syncStatus(page: Page) {
  return page.getByRole('contentinfo', { name: 'Status bar' }).getByText(/^Sync:/)
}

test.describe('Team sync', () => {
  // One after another in one worker, even though the suite runs test by test across workers: apps
  // of two tests at once would find each other on the namespace's LAN (different teams, so no data
  // would cross, but peer counts and discovery timings would).
  test.describe.configure({ mode: 'default' })

  test('two teammates on one LAN: invite, join, and concurrent edits converge and are stored on both', async ({
    launchHeadless,
    newContext
  }) => {
    test.setTimeout(120_000)
    await withTeammates(launchHeadless, newContext, async ({ a, b, coreA, coreB }) => {
      // A shares the workspace and makes an invite.
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await expect(syncStatus(a)).toHaveText('Sync: 0 peers')

      // A writes a draft before B has joined: it reaches B when B joins.
      await openDraftsSection(a)
      await writeDraft(a, 'Shared plan', 'Alpha')

      // B joins with the code, pasted with spaces and a line break; nothing but the LAN connects the two apps.
      await openDrafts(b, coreB.url)
      await joinTeam(b, `  ${code}\n`)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 20_000 })
      await expect(syncStatus(a)).toHaveText('Sync: 1 peer')

      // Names: each sees the other online in the workspace.
      const yourName = (page: Page) => page.getByRole('textbox', { name: 'Your name (shown to teammates)' })
      await yourName(b).fill('Bea')
      await yourName(b).blur()
      await openTeam(a)
      await yourName(a).fill('Ana')
      await yourName(a).blur()
      await expect(a.getByRole('list', { name: 'Teammates online' })).toContainText('Bea')
      await expect(b.getByRole('list', { name: 'Teammates online' })).toContainText('Ana')
      await openDraftsSection(a)
      await chooseDraft(a, 'Shared plan')

      await openDraftsSection(b)
      await expect(draftList(b).getByRole('button', { name: /Shared plan/ })).toBeVisible()
      await chooseDraft(b, 'Shared plan')
      await expect(draftText(b)).toHaveText('Alpha')
      // Synced once caught up with every connected peer (the guard marks it; y-webrtc alone did not always).
      await expect(b.getByLabel('Draft sync')).toHaveText('Synced')
      await expect(a.getByLabel('Draft sync')).toHaveText('Synced')
      await expect(a.getByRole('list', { name: 'Also in this draft' })).toContainText('Bea')
      await expect(b.getByRole('list', { name: 'Also in this draft' })).toContainText('Ana')

      // Both type at the same time, A at the end and B at the start.
      await caretToEnd(a)
      await draftText(b).press('Control+Home')
      await Promise.all([a.keyboard.type(' from A', { delay: 20 }), b.keyboard.type('B: ', { delay: 20 })])
      const converged = 'B: Alpha from A'
      await expect(draftText(a)).toHaveText(converged)
      await expect(draftText(b)).toHaveText(converged)
      // B's caret shows in A's editor, with B's name.
      await expect(a.locator('.peer-caret')).toHaveAttribute('data-name', 'Bea')
      await expectSaved(a)
      await expectSaved(b)

      // What came from the peer was stored like a local edit: B restarts alone and still has it.
      const restarted = await coreB.restart()
      await openDrafts(b, restarted.url)
      await chooseDraft(b, 'Shared plan')
      await expect(draftText(b)).toHaveText(converged)
    })
  })

  test('two teammates editing one design see each other’s changes and selections', async ({ launchHeadless, newContext }) => {
    test.setTimeout(120_000)
    await withTeammates(launchHeadless, newContext, async ({ a, b, coreA, coreB }) => {
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await a.getByRole('textbox', { name: 'Your name (shown to teammates)' }).fill('Ana')
      await a.getByRole('textbox', { name: 'Your name (shown to teammates)' }).blur()
      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 20_000 })

      await a.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
      await newDesign(a, 'Instagram post')
      await a.getByRole('button', { name: 'Add rectangle' }).click()
      await expect(layerList(a).getByRole('button')).toHaveCount(1)

      await b.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
      await b.getByRole('list', { name: 'Designs' }).getByRole('button').first().click()
      await expect(layerList(b).getByRole('button', { name: /^Rectangle/ })).toBeVisible()
      await expect(b.getByLabel('Design sync')).toHaveText('Synced')

      // A's selection shows on B's layers list with A's name; B moves the layer and A sees it move.
      await expect(layerList(b).getByText('selected by Ana')).toBeVisible()
      await layerList(b).getByRole('button', { name: /^Rectangle/ }).click()
      await inspector(b).getByRole('spinbutton', { name: 'X', exact: true }).fill('120')
      await expect(inspector(a).getByRole('spinbutton', { name: 'X', exact: true })).toHaveValue('120')
      await expect(layerList(a).getByText(/^selected by /)).toBeVisible()

      // Both add a layer at the same moment: both are kept on both sides.
      await Promise.all([a.getByRole('button', { name: 'Add text' }).click(), b.getByRole('button', { name: 'Add ellipse' }).click()])
      await expect(layerList(a).getByRole('button')).toHaveCount(3)
      await expect(layerList(b).getByRole('button')).toHaveCount(3)
    })
  })

  test('a design nobody has open reaches a teammate in the background with its image, and shows with its author gone', async ({
    launchHeadless,
    newContext
  }) => {
    test.setTimeout(120_000)
    await withTeammates(launchHeadless, newContext, async ({ a, b, coreA, coreB }) => {
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await a.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
      await newDesign(a, 'Instagram post')
      await a.getByLabel('Image file').setInputFiles(picketPhoto)
      await expect(layerList(a).getByRole('button', { name: /^picket line Image/ })).toBeVisible()
      await expect(a.locator('.save-status')).toHaveText('Saved')
      // A leaves the design: only the background catch-up can carry it to B.
      await openTeam(a)

      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 20_000 })
      await expect(b.getByText('Every draft and design is up to date with what teammates online hold.')).toBeVisible({ timeout: 45_000 })
      await expect.poll(() => storedImageCount(coreB.dataDir), { timeout: 20_000 }).toBe(1)

      await coreA.stop()
      await b.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
      await b.getByRole('list', { name: 'Designs' }).getByRole('button').first().click()
      await expect(layerList(b).getByRole('button', { name: /^picket line Image/ })).toBeVisible()
      await layerList(b).getByRole('button', { name: /^picket line Image/ }).click()
      // The picture itself is there (the palette comes from its pixels), not the missing-image box.
      await inspector(b).getByRole('button', { name: 'Palette from image' }).click()
      await expect(inspector(b).getByRole('list', { name: /^Palette from “picket line”/ }).getByRole('listitem').first()).toHaveAttribute('title', '#1e78c8')
    })
  })

  test('five teammates typing at once in one draft converge on the same text', async ({ launchHeadless, newContext }) => {
    test.setTimeout(240_000)
    const names = ['Ana', 'Bea', 'Cy', 'Dee', 'Eli']
    const dirs = await Promise.all(names.map((name) => mkdtemp(join(tmpdir(), `holdfast-sync-${name}-`))))
    try {
      const cores = await Promise.all(dirs.map((dir) => launchHeadless(dir)))
      const pages = await Promise.all(cores.map(() => newContext().then((c) => c.newPage())))
      const [first, ...others] = pages
      if (!first) throw new Error('no first teammate')
      await openDrafts(first, cores[0]?.url ?? '')
      const code = await createTeamAndInvite(first)
      await openDraftsSection(first)
      await writeDraft(first, 'Election night', 'Results:')
      // They join one after another (four joining in the same second sometimes left one without a
      // connection in the draft's room for over 30 s in a loaded CI run: issue 6 note).
      for (const [i, page] of others.entries()) {
        await openDrafts(page, cores[i + 1]?.url ?? '')
        await joinTeam(page, code)
        await openDraftsSection(page)
        await expect(draftList(page).getByRole('button', { name: /Election night/ })).toBeVisible({ timeout: 30_000 })
        await chooseDraft(page, 'Election night')
        await expect(draftText(page)).toHaveText('Results:', { timeout: 30_000 })
      }
      // Everyone types at the end at the same time.
      await Promise.all(
        pages.map(async (page, i) => {
          await caretToEnd(page)
          await page.keyboard.type(` ${names[i]}`, { delay: 30 })
        })
      )
      // Typing at the same spot interleaves the words (each caret moves as the others' letters
      // arrive); what must hold is that every window shows the same text and no keystroke is lost.
      const texts = (): Promise<string[]> => Promise.all(pages.map(async (page) => ((await draftText(page).textContent()) ?? '').trim()))
      await expect.poll(async () => new Set(await texts()).size, { timeout: 60_000 }).toBe(1)
      const [text = ''] = await texts()
      const letters = (words: string): string => [...words.replace(/\s/g, '')].sort().join('')
      expect(letters(text)).toBe(letters(['Results:', ...names].join('')))
      for (const page of pages) await expectSaved(page)
    } finally {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    }
  })

  test('edits both teammates make while the network is split merge when it heals', async ({ launchHeadless, newContext }) => {
    test.setTimeout(150_000)
    await withTeammates(launchHeadless, newContext, async ({ a, b, coreA, coreB }) => {
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await openDraftsSection(a)
      await writeDraft(a, 'Budget', 'Council draft.')
      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await openDraftsSection(b)
      await chooseDraft(b, 'Budget')
      await expect(draftText(b)).toHaveText('Council draft.')

      // The split: B's app comes back on a discovery port A does not use and without mDNS, so the two never meet.
      const bDir = coreB.dataDir
      await coreB.stop()
      const splitB = await launchHeadless(bDir, ['--discovery-port', '47404', '--no-mdns'])
      await openDrafts(b, splitB.url)
      await expect(syncStatus(b)).toHaveText('Sync: 0 peers')
      await expect(syncStatus(a)).toHaveText('Sync: 0 peers', { timeout: 30_000 })
      await chooseDraft(b, 'Budget')
      await draftText(b).press('Control+Home')
      await b.keyboard.type('B: ')
      await expectSaved(b)
      await caretToEnd(a)
      await a.keyboard.type(' Approved.')
      await expectSaved(a)
      await expect(draftText(a)).toHaveText('Council draft. Approved.')
      await expect(draftText(b)).toHaveText('B: Council draft.')

      // Healed: B's app is back on the LAN with A; each gets the other's edit, nothing is lost.
      await splitB.stop()
      const healedB = await launchHeadless(bDir)
      await openDrafts(b, healedB.url)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 30_000 })
      await chooseDraft(b, 'Budget')
      const merged = 'B: Council draft. Approved.'
      await expect(draftText(b)).toHaveText(merged, { timeout: 30_000 })
      await expect(draftText(a)).toHaveText(merged, { timeout: 30_000 })
      await expectSaved(a)
      await expectSaved(b)
    })
  })

  test('after the team key changes, a teammate who joins with the new invite keeps syncing and a device with the old key receives nothing new', async ({
    launchHeadless,
    newContext
  }) => {
    test.setTimeout(180_000)
    const names = ['a', 'b', 'c']
    const dirs = await Promise.all(names.map((name) => mkdtemp(join(tmpdir(), `holdfast-sync-${name}-`))))
    try {
      const cores = await Promise.all(dirs.map((dir) => launchHeadless(dir)))
      const [a, b, c] = await Promise.all(cores.map(() => newContext().then((context) => context.newPage())))
      if (!a || !b || !c) throw new Error('three teammates expected')
      await openDrafts(a, cores[0]?.url ?? '')
      const oldCode = await createTeamAndInvite(a)
      await openDraftsSection(a)
      await writeDraft(a, 'Before the change', 'Everyone gets this.')
      for (const [page, core] of [[b, cores[1]], [c, cores[2]]] as const) {
        await openDrafts(page, core?.url ?? '')
        await joinTeam(page, oldCode)
        await openDraftsSection(page)
        await expect(draftList(page).getByRole('button', { name: /Before the change/ })).toBeVisible({ timeout: 30_000 })
      }

      // A changes the key (C's laptop was lost, say) and gets the new invite at once.
      await openTeam(a)
      await a.getByRole('button', { name: 'Change team key' }).click()
      await a.getByRole('group', { name: 'Change the team key?' }).getByRole('button', { name: 'Change key' }).click()
      const inviteBox = a.getByRole('dialog', { name: 'Invite a teammate' }).getByRole('textbox', { name: 'Invite code' })
      await expect(inviteBox).toHaveValue(/^HF1-/)
      const newCode = await inviteBox.inputValue()
      expect(newCode).not.toBe(oldCode)
      await a.getByRole('button', { name: 'Done' }).click()
      await expect(a.getByText(/^Team key changed on this computer/)).toBeVisible()

      // B stays: it joins again with the new invite, keeping its drafts.
      await joinTeam(b, newCode)
      await expect(b.getByText(/^Team key changed on this computer/)).toBeVisible()
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 30_000 })
      await openDraftsSection(a)
      await writeDraft(a, 'After the change', 'Only for those who stay.')
      await openDraftsSection(b)
      await chooseDraft(b, 'After the change')
      await expect(draftText(b)).toHaveText('Only for those who stay.', { timeout: 30_000 })

      // C, with only the old key, is alone: it keeps what it had and receives nothing new.
      await expect(syncStatus(c)).toHaveText('Sync: 0 peers', { timeout: 30_000 })
      await expect(draftList(c).getByRole('button', { name: /Before the change/ })).toBeVisible()
      await expect(draftList(c).getByRole('button', { name: /After the change/ })).toHaveCount(0)
      await openTeam(c)
      // The apps that changed key said goodbye on the old one: C forgets them at once.
      await expect(c.getByText(/0 teammate apps found/)).toBeVisible({ timeout: 5_000 })
    } finally {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    }
  })

  test('drafts nobody has open reach a teammate in the background with their images, and stay when their author goes away', async ({
    launchHeadless,
    newContext
  }) => {
    test.setTimeout(120_000)
    await withTeammates(launchHeadless, newContext, async ({ a, b, coreA, coreB }) => {
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await openDraftsSection(a)
      const stories = ['Council budget', 'Harbour strike', 'School results']
      for (const title of stories) {
        await newDraft(a)
        await typeTitle(a, title)
        await draftText(a).click()
        await a.keyboard.type(`The ${title.toLowerCase()} story.`)
        if (title === 'Harbour strike') {
          const chooser = a.waitForEvent('filechooser')
          await a.getByRole('button', { name: 'Insert image' }).click()
          await (await chooser).setFiles(picketPhoto)
          await expect.poll(() => shownImageWidths(a)).toEqual([320])
        }
        await expectSaved(a)
      }
      // A opens the Team view: no draft is open in A's window any more.
      await openTeam(a)

      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 20_000 })
      await openDraftsSection(b)
      for (const title of stories) await expect(draftList(b).getByRole('button', { name: new RegExp(title) })).toBeVisible()
      await openTeam(b)
      await expect(b.getByText('Every draft and design is up to date with what teammates online hold.')).toBeVisible({ timeout: 45_000 })
      await expect(b.getByText(/^Live rooms: \d+/)).toBeVisible()
      // Images follow their drafts; the Team view says while any is still on its way.
      await expect.poll(() => storedImageCount(coreB.dataDir), { timeout: 20_000 }).toBe(1)
      await expect(b.getByText(/still to fetch from teammates/)).toHaveCount(0)

      // A goes away for good; B has every draft on its own.
      await coreA.stop()
      await openDraftsSection(b)
      for (const title of stories) {
        await chooseDraft(b, title)
        await expect(draftText(b)).toHaveText(`The ${title.toLowerCase()} story.`)
      }
      // The image came with its draft (by hash, from A's store into B's), and shows with A gone.
      await chooseDraft(b, 'Harbour strike')
      await expect.poll(() => shownImageWidths(b), { timeout: 10_000 }).toEqual([320])
    })
  })

  test('a stock yjs + y-webrtc client given the derived room name and password syncs with Holdfast', async ({ holdfast, page }) => {
    test.setTimeout(90_000)
    await openDrafts(page, holdfast.url)
    const code = await createTeamAndInvite(page)
    const signaling = await lanSignalingUrl(page)
    await openDraftsSection(page)
    await writeDraft(page, 'Interop', 'Written in Holdfast.')

    // Anyone holding the invite can derive what a y-webrtc client needs; nothing else is shared.
    const stock = new InvitedStockClient(code, signaling)
    try {
      const draft = await stock.joinOnlyDraft()
      const body = draft.doc.getXmlFragment('default')
      await expect.poll(() => body.toJSON(), { timeout: 30_000 }).toContain('Written in Holdfast.')
      expect(draft.connectedPeers()).toBeGreaterThan(0)

      // The stock client writes a paragraph; Holdfast shows it and stores it.
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Written by a stock client.')])
      body.insert(body.length, [paragraph])
      await expect(draftText(page)).toHaveText('Written in Holdfast.Written by a stock client.')
      await expectSaved(page)
    } finally {
      stock.destroy()
    }
  })

  test('a workspace of 200 drafts reaches a new teammate completely, never with more live rooms than the bound', async ({
    launchHeadless,
    newContext
  }) => {
    const reason =
      'Takes about 3 minutes here (the background catch-up fetches about one draft a second, issue 6 note), too long for every run; run it with HOLDFAST_LONG_SYNC=1 (it passed so on 2026-12-04).'
    if (process.env.HOLDFAST_LONG_SYNC !== '1') console.log(`200-draft sync test skipped: ${reason}`)
    test.skip(process.env.HOLDFAST_LONG_SYNC !== '1', reason)
    test.setTimeout(300_000)
    const DRAFTS = 200
    await withTeammates(launchHeadless, newContext, async ({ a, b, coreA, coreB }) => {
      const rpc = await connectToHeadless(coreA.url)
      try {
        await seedDrafts(rpc.client, DRAFTS)
      } finally {
        rpc.close()
      }
      await openDrafts(a, coreA.url)
      await expect(draftList(a).getByRole('button')).toHaveCount(DRAFTS)
      const code = await createTeamAndInvite(a)
      await openDrafts(b, coreB.url)
      await joinTeam(b, code)

      // Both stay in the Team view (no draft open) while B catches up in the background.
      const liveRooms = async (page: Page): Promise<number> => Number((await page.getByText(/^Live rooms: \d+/).textContent())?.match(/\d+/)?.[0])
      const most = { a: 0, b: 0 }
      const upToDate = b.getByText('Every draft and design is up to date with what teammates online hold.')
      // Once the workspace's list has come from A, B says what it has to fetch (and not, before, that it is up to date).
      await expect(b.getByRole('progressbar')).toBeVisible({ timeout: 60_000 })
      const deadline = Date.now() + 240_000
      while (!(await upToDate.isVisible())) {
        if (Date.now() > deadline) throw new Error(`B did not catch up in 240 s (${JSON.stringify(most)} live rooms at most)`)
        most.a = Math.max(most.a, await liveRooms(a))
        most.b = Math.max(most.b, await liveRooms(b))
        await b.waitForTimeout(500)
      }
      // The workspace's room and at most MAX_BACKGROUND_ROOMS drafts: B fetching, A serving.
      expect(most.b).toBeGreaterThan(1)
      expect(most.b).toBeLessThanOrEqual(1 + MAX_BACKGROUND_ROOMS)
      expect(most.a).toBeLessThanOrEqual(1 + MAX_BACKGROUND_ROOMS)

      const stored = storedDraftTexts(coreB.dataDir)
      for (let i = 1; i <= DRAFTS; i++) expect(stored[`Story ${i}`]).toBe(`Body of story ${i}.`)
    })
  })

  test('a hostile client’s malformed update is refused: it is disconnected, the draft is untouched and the Team view says so', async ({ holdfast, page }) => {
    test.setTimeout(90_000)
    await openDrafts(page, holdfast.url)
    const code = await createTeamAndInvite(page)
    const signaling = await lanSignalingUrl(page)
    await openDraftsSection(page)
    await writeDraft(page, 'Exclusive', 'Our scoop.')

    // The invite leaked: a client with the secrets but not Holdfast's rules joins the draft's room.
    const stock = new InvitedStockClient(code, signaling)
    try {
      const hostile = await stock.joinOnlyDraft()
      await expect.poll(() => hostile.doc.getXmlFragment('default').toJSON(), { timeout: 30_000 }).toContain('Our scoop.')

      // A forged update: a real one that replaces the text, cut short so it cannot be applied whole.
      const forger = new Y.Doc()
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(hostile.doc))
      const body = forger.getXmlFragment('default')
      body.delete(0, body.length)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Defaced.')])
      body.insert(0, [paragraph])
      const update = Y.encodeStateAsUpdate(forger, Y.encodeStateVector(hostile.doc))
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update.subarray(0, update.byteLength - 3))
      // No new connections from this client once it misbehaves: stock y-webrtc throws on an answer
      // to an offer whose connection has closed meanwhile, and that would fail this test's process.
      hostile.provider.maxConns = 0
      hostile.sendRaw(encoding.toUint8Array(encoder))

      await expect.poll(() => hostile.connectedPeers(), { timeout: 15_000 }).toBe(0)
      await expect(draftText(page)).toHaveText('Our scoop.')
      await caretToEnd(page)
      await page.keyboard.type(' Still ours.')
      await expectSaved(page)
      await openTeam(page)
      await expect(page.getByRole('alert')).toContainText('a teammate’s app sent malformed data')
      await expect(page.getByRole('alert')).toContainText('nothing it sent was applied')
      await openDraftsSection(page)
      await chooseDraft(page, 'Exclusive')
      await expect(draftText(page)).toHaveText('Our scoop. Still ours.')
    } finally {
      stock.destroy()
    }
  })

  test('a draft too large for one WebRTC message reaches a stock y-webrtc client in several messages', async ({ holdfast, page }) => {
    test.setTimeout(90_000)
    await openDrafts(page, holdfast.url)
    const code = await createTeamAndInvite(page)
    const signaling = await lanSignalingUrl(page)
    await openDraftsSection(page)
    await newDraft(page)
    await typeTitle(page, 'Long report')
    // A 300,000-character paste: one paragraph, more than a data channel message may carry.
    const pasted = 'The council met on Tuesday and voted on the harbour budget. '.repeat(5000)
    await draftText(page).evaluate((element, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, pasted)
    await expectSaved(page)

    const stock = new InvitedStockClient(code, signaling)
    try {
      const draft = await stock.joinOnlyDraft()
      const body = draft.doc.getXmlFragment('default')
      await expect.poll(() => body.toJSON().includes(pasted.trim()), { timeout: 30_000 }).toBe(true)
      expect(draft.largestMessageReceived).toBeGreaterThan(0)
      expect(draft.largestMessageReceived).toBeLessThanOrEqual(64 * 1024)
    } finally {
      stock.destroy()
    }
  })

  test('apps whose broadcasts cannot meet still find each other by mDNS and sync', async ({ launchHeadless, newContext }) => {
    test.setTimeout(90_000)
    const dirs = await Promise.all(['a', 'b'].map((name) => mkdtemp(join(tmpdir(), `holdfast-sync-${name}-`))))
    const [dirA = '', dirB = ''] = dirs
    try {
      // Different broadcast ports: only the mDNS announcements (on the standard port) can bring them together.
      const [coreA, coreB] = await Promise.all([launchHeadless(dirA, ['--discovery-port', '47405']), launchHeadless(dirB, ['--discovery-port', '47406'])])
      const [a, b] = await Promise.all([newContext().then((c) => c.newPage()), newContext().then((c) => c.newPage())])
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await openDraftsSection(a)
      await writeDraft(a, 'Found by mDNS', 'No broadcast needed.')
      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await expect(b.getByText(/1 teammate app found/)).toBeVisible({ timeout: 30_000 })
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 30_000 })
      await openDraftsSection(b)
      await chooseDraft(b, 'Found by mDNS')
      await expect(draftText(b)).toHaveText('No broadcast needed.')
    } finally {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    }
  })

  test('teammates the LAN cannot join meet through a stock signaling server the team added', async ({ launchHeadless, newContext }) => {
    test.setTimeout(120_000)
    const server = await startStockSignalingServer()
    const dirs = await Promise.all(['a', 'b'].map((name) => mkdtemp(join(tmpdir(), `holdfast-sync-${name}-`))))
    const [dirA = '', dirB = ''] = dirs
    try {
      // Different discovery ports and no mDNS: as far as the LAN goes, the two apps are on different networks.
      const [coreA, coreB] = await Promise.all([
        launchHeadless(dirA, ['--discovery-port', '47401', '--no-mdns']),
        launchHeadless(dirB, ['--discovery-port', '47402', '--no-mdns'])
      ])
      const [a, b] = await Promise.all([newContext().then((c) => c.newPage()), newContext().then((c) => c.newPage())])
      const useServer = async (page: Page): Promise<void> => {
        await page.getByText('Internet servers (optional)').click()
        await page.getByRole('textbox', { name: 'Signaling servers (one per line, wss://…)' }).fill(server.url)
        await page.getByRole('button', { name: 'Save servers' }).click()
        await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
        await expect(page.getByRole('list', { name: 'Signaling servers' })).toHaveText(`${server.url}: connected`, { timeout: 15_000 })
      }

      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await useServer(a)
      await openDraftsSection(a)
      await writeDraft(a, 'Remote desk', 'Filed from home.')

      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await useServer(b)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 30_000 })
      await expect(b.getByText(/0 teammate apps found/)).toBeVisible()
      await openDraftsSection(b)
      await chooseDraft(b, 'Remote desk')
      await expect(draftText(b)).toHaveText('Filed from home.')
    } finally {
      server.stop()
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    }
  })

  test('a relay joins with an invite and stores the team’s drafts in its own database', async ({ launchHeadless, page }) => {
    test.setTimeout(90_000)
    const dataRelay = await mkdtemp(join(tmpdir(), 'holdfast-sync-relay-'))
    try {
      const holdfast = await launchHeadless()
      await openDrafts(page, holdfast.url)
      const code = await createTeamAndInvite(page)
      await openDraftsSection(page)
      await writeDraft(page, 'Relay test', 'From A.')

      await launchHeadless(dataRelay, ['--relay', '--join', code])
      await openTeam(page)
      await expect(page.getByRole('list', { name: 'Teammates online' })).toContainText('Relay', { timeout: 30_000 })
      await expect.poll(() => storedDraftTexts(dataRelay)['Relay test'], { timeout: 30_000 }).toBe('From A.')
    } finally {
      await rm(dataRelay, { recursive: true, force: true })
    }
  })

  test('a relay carries edits between two teammates who are never online at the same time', async ({ launchHeadless, newContext }) => {
    test.setTimeout(240_000)
    const dirs = await Promise.all(['a', 'b', 'relay'].map((name) => mkdtemp(join(tmpdir(), `holdfast-sync-${name}-`))))
    const [dirA = '', dirB = '', dirRelay = ''] = dirs
    try {
      const coreA = await launchHeadless(dirA)
      const [a, b] = await Promise.all([newContext().then((c) => c.newPage()), newContext().then((c) => c.newPage())])
      await openDrafts(a, coreA.url)
      const code = await createTeamAndInvite(a)
      await openDraftsSection(a)
      await writeDraft(a, 'Relay test', 'From A.')
      await openTeam(a)

      // The relay joins with the invite and fetches A's draft into its own database.
      await launchHeadless(dirRelay, ['--relay', '--join', code])
      await expect(a.getByRole('list', { name: 'Teammates online' })).toContainText('Relay', { timeout: 30_000 })
      await expect.poll(() => storedDraftTexts(dirRelay)['Relay test'], { timeout: 30_000 }).toBe('From A.')
      await coreA.stop()

      // B joins while A is away, and gets the draft from the relay; B's edit goes to the relay.
      const coreB = await launchHeadless(dirB)
      await openDrafts(b, coreB.url)
      await joinTeam(b, code)
      await expect(syncStatus(b)).toHaveText('Sync: 1 peer', { timeout: 20_000 })
      await openDraftsSection(b)
      await chooseDraft(b, 'Relay test')
      await expect(draftText(b)).toHaveText('From A.')
      await caretToEnd(b)
      await b.keyboard.type(' And B.')
      await expectSaved(b)
      // Leaving the draft records its last edit in the index at once.
      await openTeam(b)
      await expect.poll(() => storedDraftTexts(dirRelay)['Relay test'], { timeout: 60_000 }).toBe('From A. And B.')
      await coreB.stop()

      // A comes back while B is away: B's edit reaches A through the relay.
      const backA = await coreA.restart()
      await openDrafts(a, backA.url)
      await openTeam(a)
      await expect(a.getByText('Every draft and design is up to date with what teammates online hold.')).toBeVisible({ timeout: 60_000 })
      await openDraftsSection(a)
      await chooseDraft(a, 'Relay test')
      await expect(draftText(a)).toHaveText('From A. And B.', { timeout: 60_000 })
      await expectSaved(a)
    } finally {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
    }
  })
})
