import type { ClientImportAction } from '@tradebook/client';
import { download } from '../shared/lists/ExportMenu';

/** A chosen file as base64, as importClients takes it. */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A base64 file from the API saved under its name. */
export function downloadBase64(content: string, fileName: string, contentType: string): void {
  download(new Blob([Uint8Array.from(atob(content), (c) => c.charCodeAt(0))], { type: contentType }), fileName);
}

/** How a report colours what a row does. */
export const ACTION_COLOURS: Record<ClientImportAction, 'success' | 'info' | 'default' | 'error'> = { CREATE: 'success', UPDATE: 'info', SKIP: 'default', REFUSE: 'error' };
