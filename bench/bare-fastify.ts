// The baseline server for the tracking benchmark: Fastify with one JSON route, nothing else.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { ok: true, receiptNo: 'QH20260000001', state: 'under_review', stage: { zh: '审查中', en: 'Under review' } };
app.get('/track/:id', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
