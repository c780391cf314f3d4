import catalogJson from '../../../../resources/models/catalog.json'
import { CatalogSchema, type Catalog } from '../../../shared/models/catalog'

// The catalog ships inside the bundle (resources/models/catalog.json); it is checked once here,
// so a bad edit to the file fails the unit tests rather than a user's download.

let checked: Catalog | undefined

export function bundledCatalog(): Catalog {
  checked ??= CatalogSchema.parse(catalogJson)
  return checked
}
