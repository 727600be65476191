// What others may read of the inspections (the benchmark measures these checks on their own).
export { itemInspectedSince, plannedBetween, todaysInspectionOf, yearCounts } from './repository.js';
