/** Measurement switches: BENCH_PLAIN=statements,insert,group,logger,tracking runs the plain version of each. */
export const plain = new Set((process.env.BENCH_PLAIN ?? '').split(',').filter(Boolean));
