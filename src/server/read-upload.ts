import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** The one file of a multipart request, or a clear 400/413/415: what every upload route reads. */
export async function readSingleUpload(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', { type: req.headers['content-type'] ?? 'none' });
  const file = await req.file();
  if (!file)
    throw new AppError('validation_failed', { summary: '/file' }, [
      { path: '/file', code: 'required', zh: '请选择文件', en: 'No file' },
    ]);
  const data = await file.toBuffer().catch((e: Error & { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('payload_too_large') : e;
  });
  return { name: file.filename, data };
}
