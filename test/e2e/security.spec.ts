import { request as httpRequest } from 'node:http'
import { expect, test } from './fixtures/test'
import { openApp } from './fixtures/ui'

/** A GET to the instance with the given Host header, from Node (a browser would not let us set Host). */
function getWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', method: 'GET', headers: { Host: host } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

test.describe('Headless mode security', () => {
  test('the page is served with a strict Content-Security-Policy', async ({ page, holdfast }) => {
    const response = await page.goto(holdfast.url)
    const csp = response?.headers()['content-security-policy']
    expect(csp, 'Content-Security-Policy header').toBeDefined()
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
  })

  test('an injected inline script does not run', async ({ page, holdfast }) => {
    await openApp(page, holdfast.url)
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true })
        setTimeout(() => resolve('no violation reported'), 2000)
      })
      const script = document.createElement('script')
      script.textContent = 'document.documentElement.dataset.injected = "ran"'
      document.head.append(script)
      return { directive: await violation, ran: document.documentElement.dataset.injected === 'ran' }
    })
    expect(outcome).toEqual({ directive: 'script-src-elem', ran: false })
  })

  test('every font, style and script of the app loads within its own CSP', async ({ page, holdfast }) => {
    const refused: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) refused.push(message.text().slice(0, 160))
    })
    await openApp(page, holdfast.url)
    // Every bundled font face (each unicode range of the design and editor fonts), not only those the first screen uses.
    const faces = await page.evaluate(async () => {
      const all = [...document.fonts]
      await Promise.all(all.map((face) => face.load().catch(() => undefined)))
      return all.length
    })
    expect(faces).toBeGreaterThan(10)
    expect(refused).toEqual([])
  })

  test('the RPC WebSocket refuses a connection without the token', async ({ page, holdfast }) => {
    await openApp(page, holdfast.url)
    // The page's own connection (with the token) works: the core answered.
    await expect(page.getByRole('contentinfo')).toContainText('Stored on this computer')

    const attempt = (url: string) =>
      page.evaluate(
        (target) =>
          new Promise<{ opened: boolean; error: boolean; code: number }>((resolve) => {
            const result = { opened: false, error: false, code: 0 }
            const socket = new WebSocket(target)
            socket.addEventListener('open', () => (result.opened = true))
            socket.addEventListener('error', () => (result.error = true))
            socket.addEventListener('close', (event) => resolve({ ...result, code: event.code }))
          }),
        url
      )

    const base = `ws://127.0.0.1:${holdfast.port}/rpc`
    expect(await attempt(base)).toEqual({ opened: false, error: true, code: 1006 })
    expect(await attempt(`${base}?token=${'0'.repeat(64)}`)).toEqual({ opened: false, error: true, code: 1006 })
  })

  test('a request with a foreign Host header is refused with 421', async ({ holdfast }) => {
    expect(await getWithHost(holdfast.port, `127.0.0.1:${holdfast.port}`)).toBe(200)
    expect(await getWithHost(holdfast.port, `evil.example:${holdfast.port}`)).toBe(421)
  })
})
