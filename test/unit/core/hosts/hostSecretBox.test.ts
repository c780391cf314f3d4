import { describe, expect, it } from 'vitest'
import { hostSecretBox } from '../../../../src/core/hosts/hostSecretBox'
import type { SecretRequest } from '../../../../src/shared/coreHostMessages'

describe('the keychain over the parent port', () => {
  it('matches each reply to its request, whatever the order', async () => {
    const sent: SecretRequest[] = []
    const box = hostSecretBox((message) => sent.push(message), 'os')
    const sealing = box.encrypt('sk-one')
    const opening = box.decrypt(new Uint8Array([1, 2, 3]))
    expect(sent.map((m) => [m.id, m.op])).toEqual([
      [1, 'encrypt'],
      [2, 'decrypt']
    ])
    box.receive({ type: 'secret-reply', id: 2, ok: true, value: 'sk-two' })
    box.receive({ type: 'secret-reply', id: 1, ok: true, value: new Uint8Array([9]) })
    expect(await opening).toBe('sk-two')
    expect(await sealing).toEqual(new Uint8Array([9]))
  })

  it('passes on main’s reason when the keychain fails', async () => {
    const box = hostSecretBox(() => undefined, 'plaintext')
    const opening = box.decrypt(new Uint8Array([1]))
    box.receive({ type: 'secret-reply', id: 1, ok: false, error: 'A stored API key could not be decrypted.' })
    await expect(opening).rejects.toThrow('A stored API key could not be decrypted.')
    expect(box.storage).toBe('plaintext')
  })
})
