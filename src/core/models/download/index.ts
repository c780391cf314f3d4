// Downloads catalog models from the Hugging Face Hub (or a mirror) into the models folder.

export { deleteModel } from './deleteModel'
export { DISK_SPACE_MARGIN_BYTES, type FreeBytesFunction } from './diskSpace'
export { downloadModel, type DownloadModelOptions, type DownloadProgress } from './downloadModel'
export { ModelDownloadError, type ModelDownloadErrorKind } from './modelDownloadError'
export { DEFAULT_RETRY, type RetryPolicy } from './retry'
export { removeStaging, stagedBytes, stagingFolder } from './staging'
