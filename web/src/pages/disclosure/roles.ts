import type { Role } from '../../api/types';

/** Who publishes a village's statements: administrators, and the clerks and heads of its department. */
export const DISCLOSURE_PUBLISHERS: readonly Role[] = ['admin', 'clerk', 'head'];
