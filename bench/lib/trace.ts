import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { resolve } from 'node:path'

/** [seconds since start, position, characters deleted, text inserted] */
export type TraceOp = [number, number, number, string]

export interface Trace {
  ops: TraceOp[]
  finalText: string
}

/** The real editing trace in ../shared/data (CC-BY 4.0, Kleppmann and Beresford; see its README). */
export const TRACE_FILE = resolve(import.meta.dirname, '../../../shared/data/paper-trace.json.gz')

export function loadTrace(file = TRACE_FILE): Trace {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Trace
}
