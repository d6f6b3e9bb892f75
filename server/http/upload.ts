/**
 * File uploads (multipart field `file`): the body limit for upload routes (UPLOAD_MAX_BYTES plus
 * room for the multipart envelope, instead of the 64 KiB JSON limit) and the form schema. A file
 * that cannot be used is a FileProblem, answered by the error catalog (errors.ts).
 */
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Env } from '../env.js';
import { FileProblem, mib } from '../io/table.js';
import { errorBody, problemOf } from './errors.js';

/** Paths that take a file: the JSON body limit does not apply to them (they have their own). */
export const UPLOAD_PATHS = ['/api/jobs/score', '/api/import/parks', '/api/import/spaces'] as const;
export const isUploadPath = (path: string): boolean => (UPLOAD_PATHS as readonly string[]).includes(path.replace(/\/+$/, ''));

const ENVELOPE = 64 * 1024;

export function uploadLimit(env: Pick<Env, 'UPLOAD_MAX_BYTES'>): MiddlewareHandler {
  return bodyLimit({
    maxSize: env.UPLOAD_MAX_BYTES + ENVELOPE,
    onError: (c) =>
      c.json(errorBody(problemOf(new FileProblem('too_large', `文件超过上限 ${mib(env.UPLOAD_MAX_BYTES)}（UPLOAD_MAX_BYTES）`))), 400),
  });
}

export const UploadForm = z
  .object({
    file: z
      .custom<File>((v) => v instanceof File, { message: '请选择要上传的文件（表单字段 file）' })
      .openapi({ type: 'string', format: 'binary', description: 'CSV（UTF-8、带 BOM 的 UTF-8 或 GBK）或 XLSX' }),
  })
  .openapi('Upload');

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A file name safe for logs and Content-Disposition (no path, no control characters). */
export const cleanFileName = (name: string): string =>
  name
    .split(/[\\/]/)
    .pop()!
    // control characters and quotes never reach a Content-Disposition header
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .slice(0, 120) || 'upload';
