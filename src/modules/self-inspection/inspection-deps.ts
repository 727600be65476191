export type { ConductDeps as InspectionDeps } from '../commitments/commitment-deps.js';
export { conductDeps as inspectionDeps } from '../commitments/commitment-deps.js';
