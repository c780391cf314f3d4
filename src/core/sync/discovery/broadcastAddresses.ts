import { networkInterfaces } from 'node:os'

/** The directed broadcast address of every IPv4 interface (loopback included: apps on one machine), then the limited one. */
export function broadcastAddresses(interfaces = networkInterfaces()): string[] {
  const addresses = new Set<string>()
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.family !== 'IPv4') continue
      const address = toNumber(entry.address)
      const mask = toNumber(entry.netmask)
      addresses.add(toAddress((address & mask) | (~mask >>> 0)))
    }
  }
  addresses.add('255.255.255.255')
  return [...addresses]
}

function toNumber(address: string): number {
  return address.split('.').reduce((value, part) => ((value << 8) | Number(part)) >>> 0, 0)
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.')
}
