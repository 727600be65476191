import { pointerToName, type FieldError } from './problem';

/** A form field and the server's messages for it. */
export interface FieldPlacement {
  name: (string | number)[];
  errors: string[];
}

/**
 * Where the server's field errors go on a form: the one mapping every form uses. A path is read
 * under the form's own prefix (`/body/item`), then under `/body`, then as it stands: use cases
 * name some fields without `/body` (`/materials`, `/idNumber`). An error lands on the field it
 * names, or on the nearest field the form has of its ancestors (`/body/materials/0/fileId` on a
 * form with one `materials` field); what the form has no field for is returned in `rest`, to be
 * shown above it by its message alone (a JSON path means nothing to the reader).
 */
export function placeFieldErrors(
  fieldErrors: readonly FieldError[],
  fields: readonly string[],
  prefix: string,
  registered: readonly (string | number)[][] = [],
): { placed: FieldPlacement[]; rest: FieldError[] } {
  const known = new Set(fields);
  const has = new Set(registered.map((n) => JSON.stringify(n)));
  const grouped = new Map<string, FieldPlacement>();
  const rest: FieldError[] = [];
  for (const fe of fieldErrors) {
    const name = nameOf(fe.path, prefix, known);
    if (!name) {
      rest.push(fe);
      continue;
    }
    const at = nearest(name, has);
    const key = JSON.stringify(at);
    const g = grouped.get(key) ?? { name: at, errors: [] };
    if (!g.errors.includes(fe.message)) g.errors.push(fe.message);
    grouped.set(key, g);
  }
  return { placed: [...grouped.values()], rest };
}

function nameOf(path: string, prefix: string, known: Set<string>): (string | number)[] | null {
  for (const p of [prefix, '/body', '']) {
    const name = p === '' ? bare(path) : pointerToName(path, p);
    if (name && typeof name[0] === 'string' && known.has(name[0])) return name;
  }
  return null;
}

const bare = (path: string) => (path.startsWith('/') ? pointerToName(`/x${path}`, '/x') : null);

/** The name itself if the form has that field, else its nearest ancestor the form has (or the top). */
function nearest(name: (string | number)[], has: Set<string>): (string | number)[] {
  if (has.size === 0) return name;
  for (let n = name.length; n > 0; n--) {
    const candidate = name.slice(0, n);
    if (has.has(JSON.stringify(candidate))) return candidate;
  }
  return name.slice(0, 1);
}
