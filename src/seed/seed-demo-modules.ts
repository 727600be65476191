import type { AppContext } from '../server/context.js';
import { complaintModule } from '../modules/complaints/complaint-module.js';
import { seedDemoLetters } from './seed-demo-letters.js';
import { seedDemoInspections } from './seed-demo-inspections.js';
import { seedDemoComplaints } from './demo-complaints.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoHall } from './demo-hall.js';
import { seedDemoConduct } from './demo-conduct.js';
import { seedDemoRatings } from './demo-ratings.js';
import { seedDemoDisclosure } from './demo-disclosure.js';
import { seedDemoMaterialFiles } from './demo-material-files.js';
import { assessmentDeps } from '../modules/assessment/assessment-deps.js';
import { refreshAssessment } from '../modules/assessment/refresh-assessment.js';

/**
 * Each module's demo data, after the catalogue and the accounts (seedDemo): made through the
 * modules' own use cases, so a fresh start shows every module working. One list, read by the first
 * start (`serve --demo`) and by `onewindow seed --demo`; what each made is counted by name.
 */
export const DEMO_MODULES: { name: string; seed: (ctx: AppContext) => Promise<number> }[] = [
  { name: 'letters registered', seed: seedDemoLetters },
  { name: 'inspections registered', seed: seedDemoInspections },
  { name: 'complaints filed', seed: (ctx) => seedDemoComplaints(complaintModule(ctx).deps) },
  { name: 'cases', seed: seedDemoCases },
  { name: 'hall tickets taken', seed: seedDemoHall },
  { name: 'ratings given', seed: async (ctx) => (await seedDemoRatings(ctx)).ratings },
  { name: 'government conduct (commitments, campaigns, fee reviews, learning)', seed: seedDemoConduct },
  { name: 'disclosure (normative documents, villages)', seed: seedDemoDisclosure },
  { name: 'blank forms and samples of materials', seed: seedDemoMaterialFiles },
  // Last: the assessment's aggregates built from every record the steps above made.
  { name: 'assessment records counted', seed: (ctx) => refreshAssessment(assessmentDeps(ctx)) },
];

export async function seedDemoModules(ctx: AppContext): Promise<Record<string, number>> {
  const made: Record<string, number> = {};
  for (const m of DEMO_MODULES) made[m.name] = await m.seed(ctx);
  return made;
}
