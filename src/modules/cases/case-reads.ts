import {
  departmentIdsOf,
  findCase,
  findCaseByReceipt,
  findRatedMatter,
  itemVersionData,
  type CaseRow,
} from './repository.js';
import { blobReferences } from './repository-files.js';

export type { CaseRow };

/** A case as other modules read it (fees: a case's forms and who may see them); changes go through actOnCase. */
export { findCase, departmentIdsOf };

/** A case by its receipt number, and its items' published data (the hall counts visits against maxVisits). */
export { findCaseByReceipt, itemVersionData };
/** A case by its receipt number with its first item (ratings: the matter an online or phone rating is about). */
export { findRatedMatter };

/** The stored files the database names, for `onewindow backup`: a backup holds every one of them. */
export { blobReferences };
