import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startCore, type Core } from '../../../src/core'
import { readProvidersFile } from '../../../src/core/ai/config/providersFile'
import { closeTransports } from '../../../src/core/ai/http/transport'
import type { ProviderConfig } from '../../../src/shared/ai/providerConfig'
import type { CoreClient } from '../../../src/shared/contracts'
import { startFakeCloud, type FakeCloud } from '../../fixtures/fakeCloud'
import { connect, silentLog } from '../inProcessCore'
import { useTempDirs } from '../tempDir'

/** An OpenAI-wire provider on a fake cloud. */
export function cloudProvider(id: string, label: string, fake: FakeCloud, extra: Partial<ProviderConfig> = {}): ProviderConfig {
  return { id, label, kind: 'openai-compatible', baseUrl: fake.openaiBaseUrl, model: `${id}-model`, ...extra }
}

/**
 * Cores as headless mode starts them, with a providers file (and the rule-based help after it),
 * reached over a real RPC connection, and fake clouds for them; all closed after each test.
 */
export function useCoresWithProviders() {
  const tempDir = useTempDirs()
  const cores: Core[] = []
  const clouds: FakeCloud[] = []
  const closers: (() => void)[] = []

  afterEach(async () => {
    for (const close of closers.splice(0)) close()
    for (const core of cores.splice(0)) await core.close()
    await Promise.all(clouds.splice(0).map((cloud) => cloud.close()))
    await closeTransports()
  })

  return {
    tempDir,
    cloud: async (answer: string): Promise<FakeCloud> => {
      const started = await startFakeCloud({ answer })
      clouds.push(started)
      return started
    },
    /** A core on `dataDir` (a fresh one by default) with these providers and policy. */
    open: (providers: ProviderConfig[], options: { policy?: Record<string, unknown>; dataDir?: string } = {}): CoreClient => {
      const dataDir = options.dataDir ?? tempDir()
      const file = join(dataDir, 'providers.json')
      writeFileSync(file, JSON.stringify({ providers, policy: options.policy ?? {} }))
      const core = startCore({ dataDir, log: silentLog, providers: readProvidersFile(file) })
      cores.push(core)
      const connection = connect(core)
      closers.push(() => connection.close())
      return connection.client
    }
  }
}
