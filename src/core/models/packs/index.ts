// Model packs: a model's files and manifest in a folder or .zip, to install without the Hub.

export { exportModelPack, type ExportModelPackOptions } from './exportModelPack'
export { importModelPack, type ImportModelPackOptions } from './importModelPack'
export { ModelPackError, type ModelPackErrorKind } from './modelPackError'
export type { PackProgress } from './packProgress'
