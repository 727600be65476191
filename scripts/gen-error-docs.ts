// Regenerates docs/errors.md from src/server/error-codes.ts (npm run docs:errors).
import fs from 'node:fs';
import { ERROR_CODES } from '../src/server/error-codes.js';

let s = `# Error codes

Every error leaves the server as RFC 9457 \`application/problem+json\`:

\`\`\`json
{ "type": "https://onewindow.dev/errors/validation_failed", "title": "validation_failed", "status": 400,
  "code": "validation_failed", "detail": "请求数据不符合要求：…", "instance": "/api/v1/admin/items", "requestId": "…",
  "errors": [{ "path": "/body/committedDays", "code": "committed_exceeds_statutory", "message": "承诺时限…" }] }
\`\`\`

\`detail\` and each \`errors[].message\` are in Chinese by default and in English when \`Accept-Language\`
prefers \`en\`. Clients switch on \`code\` (and \`errors[].code\`), which are stable; the texts may
improve. The list lives in \`src/server/error-codes.ts\`; a test keeps this page in step with it.

| code | HTTP | 中文 | English |
|---|---|---|---|
`;
for (const [k, v] of Object.entries(ERROR_CODES)) s += `| \`${k}\` | ${v.status} | ${v.zh} | ${v.en} |\n`;
fs.writeFileSync(new URL('../docs/errors.md', import.meta.url), s);
