import type { ImportErrorCode } from '../../shared/contracts/transfer'

/** Why an import was refused, with the file it was about; the handler turns it into the typed RPC error. */
export type ImportErrorData =
  | { code: 'IMPORT_TOO_LARGE'; fileName: string; size: number; limit: number }
  | { code: 'IMPORT_UNSUPPORTED'; fileName: string; extension: string }
  | { code: 'IMPORT_UNRECOGNISED'; fileName: string; expected: string }

export class ImportError extends Error {
  readonly code: ImportErrorCode

  constructor(
    readonly data: ImportErrorData,
    message: string
  ) {
    super(message)
    this.name = 'ImportError'
    this.code = data.code
  }
}

export function unrecognised(fileName: string, expected: string, problem: string): ImportError {
  return new ImportError(
    { code: 'IMPORT_UNRECOGNISED', fileName, expected },
    `“${fileName}” cannot be imported: ${problem}. Expected ${expected}.`
  )
}
