import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from './fixtures/test'
import { chooseTheme, expectLooks, openApp, openSettings } from './fixtures/ui'

const DATABASE = 'holdfast.db'

test.describe('Start-up with a damaged or unknown database', () => {
  test('a corrupt database is moved aside and Holdfast starts fresh', async ({ page, dataDir, launchHeadless }) => {
    // Not SQLite at all: text followed by every byte value.
    const garbage = Buffer.concat([
      Buffer.from('This is not a database. '.repeat(40)),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256))
    ])
    await writeFile(join(dataDir, DATABASE), garbage)

    const holdfast = await launchHeadless(dataDir)
    await openApp(page, holdfast.url)

    await expect(page.getByRole('main').getByRole('alert')).toContainText('could not read its database')
    await expect(page.getByRole('contentinfo')).toContainText('Stored on this computer')

    const files = await readdir(dataDir)
    const movedAside = files.filter((name) => /^holdfast\.corrupt-.+\.db$/.test(name))
    expect(movedAside, `files in the data folder: ${files.join(', ')}`).toHaveLength(1)
    expect((await readFile(join(dataDir, movedAside[0] ?? ''))).equals(garbage), 'the moved file keeps the original bytes').toBe(true)

    // Settings work on the fresh database, and are saved.
    await chooseTheme(page, 'Dark')
    await expectLooks(page, 'dark')
    await page.reload()
    await expectLooks(page, 'dark')
  })

  test('a database from a newer Holdfast is left untouched and settings are locked', async ({
    page,
    dataDir,
    launchHeadless
  }) => {
    const file = join(dataDir, DATABASE)
    const db = new Database(file)
    db.pragma('user_version = 99')
    db.close()
    const original = await readFile(file)

    const holdfast = await launchHeadless(dataDir)
    await openApp(page, holdfast.url)

    await expect(page.getByRole('main').getByRole('alert')).toContainText('saved by a newer version of Holdfast')
    await expect(page.getByRole('contentinfo')).toContainText('Storage unavailable: update Holdfast')

    const settings = await openSettings(page)
    const themes = settings.getByRole('group', { name: 'Theme' }).getByRole('radio')
    await expect(themes).toHaveCount(3)
    for (const radio of await themes.all()) await expect(radio).toBeDisabled()

    // Nothing was changed, also once Holdfast has shut down.
    expect(await holdfast.stop()).toMatchObject({ code: 0, killed: false })
    expect(await readdir(dataDir)).toEqual([DATABASE])
    expect((await readFile(file)).equals(original), 'the database file keeps its bytes').toBe(true)
  })
})
