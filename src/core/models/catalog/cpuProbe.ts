import { performance } from 'node:perf_hooks'

// A quick speed probe for the machine-fit choice: a float matrix product, the kind of work a
// model's forward pass is made of. Run twice and the second (compiled) run is the figure.

const SIZE = 256

export function cpuProbeMs(): number {
  matrixProductMs()
  return matrixProductMs()
}

function matrixProductMs(): number {
  const a = new Float32Array(SIZE * SIZE).map((_, i) => (i % 7) / 7)
  const b = new Float32Array(SIZE * SIZE).map((_, i) => (i % 5) / 5)
  const out = new Float32Array(SIZE * SIZE)
  const start = performance.now()
  for (let i = 0; i < SIZE; i++) {
    for (let k = 0; k < SIZE; k++) {
      const aik = a[i * SIZE + k] as number
      for (let j = 0; j < SIZE; j++) out[i * SIZE + j] = (out[i * SIZE + j] as number) + aik * (b[k * SIZE + j] as number)
    }
  }
  return performance.now() - start
}
