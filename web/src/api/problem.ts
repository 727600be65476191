/** One field error of an RFC 9457 problem: `path` is a JSON pointer such as `/body/materials/0/name`. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** The problem+json body the server sends for every error (docs/errors.md). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/**
 * An API call that did not succeed. `code` is the server's stable code (`validation_failed`,
 * `stale_version`, `four_eyes` …), or `network` when no answer came, or `bad_response` when the
 * answer was not problem+json. `message` is the server's `detail`, already in the UI language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly requestId?: string;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }

  /** The API route itself does not exist (a service that is not deployed yet), as opposed to a missing record. */
  get isMissingRoute(): boolean {
    return this.status === 404 && this.code === 'route_not_found';
  }
}

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Problem).code === 'string' &&
  typeof (v as Problem).status === 'number';

/** Reads an error response into an ApiError, whatever the server (or a proxy in front of it) sent. */
export async function problemFrom(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json();
      if (isProblem(body)) return new ApiError(body);
    } catch {
      // fall through: an unreadable body is reported by status alone
    }
  }
  return new ApiError({
    status: res.status,
    code: 'bad_response',
    detail: `HTTP ${res.status} ${res.statusText}`.trim(),
  });
}

/** `/body/item/materials/0/name` → `['materials', 0, 'name']` once `/body/item` is stripped. */
export function pointerToName(path: string, prefix = '/body'): (string | number)[] | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path
    .slice(prefix.length)
    .split('/')
    .filter((s) => s !== '');
  if (rest.length === 0) return null;
  return rest.map((s) => {
    const part = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(part) ? Number(part) : part;
  });
}
