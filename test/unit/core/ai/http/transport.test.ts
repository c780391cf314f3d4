import { once } from 'node:events'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeTransports, createFetch } from '../../../../../src/core/ai/http/transport'
import { startSilentTlsServer, type SilentTlsServer } from './silentTlsServer'
import { startTestProxy, type TestProxy } from './testProxy'

// A self-signed certificate for the made-up host below, valid 2000–2125, used only by this test.
const TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBgjCCASigAwIBAgIBATAKBggqhkjOPQQDAjAfMR0wGwYDVQQDDBRob2xkZmFz
dC10YXJnZXQudGVzdDAgFw0wMDAxMDEwMDAwMDBaGA8yMTI1MDEwMTAwMDAwMFow
HzEdMBsGA1UEAwwUaG9sZGZhc3QtdGFyZ2V0LnRlc3QwWTATBgcqhkjOPQIBBggq
hkjOPQMBBwNCAARssAiSp0bSfcicn9jU5Mi6+IqwxsbNjJ7o8UziVrCoq9htXcgs
I6O5zBUO3eAccOSLPa9Usvmom4yBnwQ41KAGo1MwUTAfBgNVHREEGDAWghRob2xk
ZmFzdC10YXJnZXQudGVzdDAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBSCxV8t
KmVhfi8WPMV51ecB3znHZjAKBggqhkjOPQQDAgNIADBFAiEApOuzE19V1RZLk2Nf
hjIE8yytpgOI6++lDuBMx2cuFyUCIAm0XVelsV+RcvamTS3mZYbtml+CXnF0DWhC
h+oBpbP9
-----END CERTIFICATE-----`
const TEST_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgorAiwXFEwzz78kY+
gW7cle/LB1eDIDTbnBjnQTU5plmhRANCAARssAiSp0bSfcicn9jU5Mi6+IqwxsbN
jJ7o8UziVrCoq9htXcgsI6O5zBUO3eAccOSLPa9Usvmom4yBnwQ41KAG
-----END PRIVATE KEY-----`

// .test never resolves, so a request for it can only succeed through the test proxy.
const TARGET_HOST = 'holdfast-target.test'
const NO_ENV = {}

let plainTarget: http.Server
let tlsTarget: https.Server
let silentTls: SilentTlsServer
let proxy: TestProxy

beforeAll(async () => {
  plainTarget = await listen(http.createServer((_request, response) => response.end('hello over http')))
  tlsTarget = await listen(https.createServer({ cert: TEST_CERTIFICATE, key: TEST_PRIVATE_KEY }, (_request, response) => response.end('hello over https')))
  silentTls = await startSilentTlsServer()
  proxy = await startTestProxy()
})

afterEach(async () => {
  await closeTransports()
  proxy.forwarded.length = 0
  proxy.tunnels.length = 0
})

afterAll(async () => {
  for (const server of [plainTarget, tlsTarget]) server.closeAllConnections()
  await Promise.all([plainTarget, tlsTarget].map((server) => new Promise((resolve) => server.close(resolve))))
  await Promise.all([silentTls.close(), proxy.close()])
})

describe('createFetch', () => {
  it('fetches directly when no proxy is configured', async () => {
    const response = await createFetch(undefined, 1000, NO_ENV)(`http://127.0.0.1:${port(plainTarget)}/`)
    expect(await response.text()).toBe('hello over http')
  })

  it('forwards plain HTTP requests through the configured proxy', async () => {
    const fetch = createFetch({ proxyUrl: proxy.url }, 1000, NO_ENV)
    const response = await fetch(`http://${TARGET_HOST}:${port(plainTarget)}/v1/models`)
    expect(await response.text()).toBe('hello over http')
    expect(proxy.forwarded).toEqual([`http://${TARGET_HOST}:${port(plainTarget)}/v1/models`])
  })

  it('tunnels HTTPS through the proxy with CONNECT and trusts the extra CA certificates', async () => {
    const fetch = createFetch({ proxyUrl: proxy.url, extraCaCertificates: [TEST_CERTIFICATE] }, 1000, NO_ENV)
    const response = await fetch(`https://${TARGET_HOST}:${port(tlsTarget)}/`)
    expect(await response.text()).toBe('hello over https')
    expect(proxy.tunnels).toEqual([`${TARGET_HOST}:${port(tlsTarget)}`])
  })

  it('refuses a certificate that is not trusted', async () => {
    const fetch = createFetch({ proxyUrl: proxy.url }, 1000, NO_ENV)
    const failure = await fetch(`https://${TARGET_HOST}:${port(tlsTarget)}/`).catch((error: unknown) => error)
    expect(causeCodes(failure)).toContain('DEPTH_ZERO_SELF_SIGNED_CERT')
  })

  it('falls back to the proxy environment variables, NO_PROXY included', async () => {
    const network = { extraCaCertificates: [TEST_CERTIFICATE] }
    const viaEnvironment = createFetch(network, 1000, { HTTPS_PROXY: proxy.url })
    const response = await viaEnvironment(`https://${TARGET_HOST}:${port(tlsTarget)}/`)
    expect(await response.text()).toBe('hello over https')
    expect(proxy.tunnels).toHaveLength(1)

    const bypassing = createFetch(network, 1000, { https_proxy: proxy.url, NO_PROXY: `other.test,${TARGET_HOST}` })
    await expect(bypassing(`https://${TARGET_HOST}:${port(tlsTarget)}/`)).rejects.toThrow()
    expect(proxy.tunnels).toHaveLength(1)
  })

  it('uses HTTP_PROXY for plain HTTP and HTTPS_PROXY for HTTPS only', async () => {
    await expect(createFetch(undefined, 1000, { HTTPS_PROXY: proxy.url })(`http://${TARGET_HOST}:${port(plainTarget)}/`)).rejects.toThrow()
    const response = await createFetch(undefined, 1000, { HTTP_PROXY: proxy.url })(`http://${TARGET_HOST}:${port(plainTarget)}/`)
    expect(await response.text()).toBe('hello over http')
    expect(proxy.forwarded).toHaveLength(1)
  })

  it('never sends loopback traffic (a local model server) to the proxy', async () => {
    const response = await createFetch({ proxyUrl: proxy.url }, 1000, NO_ENV)(`http://127.0.0.1:${port(plainTarget)}/`)
    expect(await response.text()).toBe('hello over http')
    expect(proxy.forwarded).toEqual([])
  })

  it('gives up on a connection whose TLS handshake never completes after the connect timeout', async () => {
    const started = Date.now()
    const failure = await createFetch(undefined, 200, NO_ENV)(`${silentTls.url}/`).catch((error: unknown) => error)
    expect(causeCodes(failure)).toContain('UND_ERR_CONNECT_TIMEOUT')
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    // undici checks connect timeouts on a coarse timer (about 0.5 s ticks)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('shares pooled connections between fetches with the same settings only', async () => {
    let connections = 0
    const countConnections = () => connections++
    plainTarget.on('connection', countConnections)
    const url = `http://127.0.0.1:${port(plainTarget)}/`
    for (const fetch of [createFetch(undefined, 1000, NO_ENV), createFetch(undefined, 1000, NO_ENV)]) {
      await (await fetch(url)).text()
      await delay(20) // lets undici put the socket back in its pool
    }
    expect(connections).toBe(1)
    await (await createFetch(undefined, 2000, NO_ENV)(url)).text()
    expect(connections).toBe(2)
    plainTarget.off('connection', countConnections)
  })
})

async function listen<T extends net.Server>(server: T): Promise<T> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return server
}

function port(server: net.Server): number {
  return (server.address() as net.AddressInfo).port
}

function causeCodes(error: unknown): unknown[] {
  const codes: unknown[] = []
  for (let link = error; typeof link === 'object' && link !== null; link = (link as { cause?: unknown }).cause) {
    codes.push((link as { code?: unknown }).code)
  }
  return codes
}
