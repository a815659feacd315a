import type { Test } from 'supertest';

/** Reads a supertest answer as raw bytes (files: XLSX, PDF, evidence) into `res.body`. */
export function binary(req: Test): Test {
  return req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}
