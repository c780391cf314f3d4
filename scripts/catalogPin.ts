import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { pinCatalog } from '../src/core/models/catalog/pinCatalog'
import { CatalogSchema } from '../src/shared/models/catalog'

// npm run catalog:pin [-- --catalog FILE] [--hub URL]: run on a connected machine; rewrites the
// catalog with every model pinned (see src/core/models/catalog/pinCatalog.ts).

const { values } = parseArgs({
  options: { catalog: { type: 'string', default: 'resources/models/catalog.json' }, hub: { type: 'string' } },
  strict: true
})
const catalogFile = resolve(values.catalog)
const hubUrl = values.hub ?? process.env.HF_ENDPOINT ?? 'https://huggingface.co'

const pinned = await pinCatalog(CatalogSchema.parse(JSON.parse(readFileSync(catalogFile, 'utf8'))), hubUrl, (line) => console.log(line))
writeFileSync(`${catalogFile}.tmp`, `${JSON.stringify(CatalogSchema.parse(pinned), null, 2)}\n`)
renameSync(`${catalogFile}.tmp`, catalogFile)
console.log(`Pinned ${pinned.models.length} models in ${catalogFile}`)
