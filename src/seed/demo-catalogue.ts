import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueFileT } from '../modules/catalogue/schemas.js';
import type { BundleInputT } from '../modules/catalogue/bundles.js';

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/demo');

const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(DEMO_DIR, name), 'utf8')) as T;

/** The demo city's catalogue, kept as readable files under data/demo and joined here. */
export function loadDemoCatalogue(): CatalogueFileT {
  return {
    format: 'onewindow-catalogue/1',
    departments: read('departments.json'),
    fees: read('fees.json'),
    items: [
      ...read<CatalogueFileT['items']>('items-licensing.json'),
      ...read<CatalogueFileT['items']>('items-services.json'),
    ],
    synonyms: read('synonyms.json'),
  };
}

/** The demo bundles (一件事), built on the demo catalogue's items. */
export const loadDemoBundles = (): BundleInputT[] => read('bundles.json');
