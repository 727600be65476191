import { departmentIdsOf, findCase, type CaseRow } from './repository.js';

export type { CaseRow };

/** A case as other modules read it (fees: a case's forms and who may see them); changes go through actOnCase. */
export { findCase, departmentIdsOf };
