// The baseline server for the tracking benchmark: Fastify with one JSON route, nothing else.
// PROCS=N runs N copies behind node:cluster, as HTTP_WORKERS=N runs the application.
import cluster from 'node:cluster';
import Fastify from 'fastify';

const procs = Number(process.env.PROCS ?? 1);
if (cluster.isPrimary && procs > 1) {
  let up = 0;
  for (let i = 0; i < procs; i++)
    cluster.fork().on('listening', () => {
      if (++up === procs) process.stdout.write('ready\n');
    });
  process.once('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const app = Fastify({ logger: false });
  const body = {
    ok: true,
    receiptNo: 'QH20260000001',
    state: 'under_review',
    stage: { zh: '审查中', en: 'Under review' },
  };
  app.get('/track/:id', async () => body);
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  if (cluster.isPrimary) process.stdout.write('ready\n');
}
