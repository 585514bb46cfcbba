import { execFile } from 'node:child_process';
import path from 'node:path';

/** The text of each page of a PDF, its items joined by single spaces (pdf.js through unpdf, in a child process). */
export function pdfPages(body: ArrayBuffer | Uint8Array): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text-extract.mjs')], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      resolve((JSON.parse(stdout) as string[]).map((page) => page.replace(/\s+/g, ' ')));
    });
    child.stdin!.end(Buffer.from(body instanceof Uint8Array ? body : new Uint8Array(body)));
  });
}

/** GETs a printed form: its status, content type and body. */
export async function fetchPrint(url: string, token?: string): Promise<{ status: number; type: string | null; disposition: string | null; body: ArrayBuffer; json: () => unknown }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = await res.arrayBuffer();
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body, json: () => JSON.parse(Buffer.from(body).toString('utf8')) };
}
