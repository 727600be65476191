type IntVar = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => number;

export interface RatingsConfig {
  /** The three clocks of a bad rating's rectification, in working days (one city's "1、5、15"). */
  rectificationDays: { acknowledge: number; answer: number; rectify: number };
  /** Days after the invitation at which a matter still unrated gets one reminder. */
  reminderDays: number;
  /** Departments at the bottom of a democratic appraisal that must rectify and be appraised again. */
  appraisalBottomCount: number;
  /** Working days a department at the bottom has to rectify after an appraisal. */
  appraisalRectifyDays: number;
}

export function ratingsVars(env: NodeJS.ProcessEnv, intVar: IntVar): RatingsConfig {
  return {
    rectificationDays: {
      acknowledge: intVar(env, 'RATING_ACKNOWLEDGE_DAYS', 1, 0, 30),
      answer: intVar(env, 'RATING_ANSWER_DAYS', 5, 1, 60),
      rectify: intVar(env, 'RATING_RECTIFY_DAYS', 15, 1, 120),
    },
    reminderDays: intVar(env, 'RATING_REMINDER_DAYS', 3, 1, 30),
    appraisalBottomCount: intVar(env, 'APPRAISAL_BOTTOM_COUNT', 1, 0, 20),
    appraisalRectifyDays: intVar(env, 'APPRAISAL_RECTIFY_DAYS', 30, 1, 250),
  };
}
