import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link lets its holder print, as whom, until when. */
export interface PrintGrant {
  userId: string;
  documentType: string;
  id: string;
  form: string;
  lang: string;
  format: string;
  /** A statement's period, '' for none. */
  from: string;
  to: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** How long a link from printLink opens its PDF: long enough to open a tab, too short to pass around. */
export const PRINT_LINK_SECONDS = 300;

const FIELDS = ['userId', 'documentType', 'id', 'form', 'lang', 'format', 'from', 'to', 'expiresAt'] as const;

/**
 * Short-lived signed print links: base64url(JSON of the grant) "." base64url(HMAC-SHA256).
 * The grant names exactly one file; the user still has to be active and may still see only
 * what their record rules allow when the link is opened.
 */
export class PrintLinkSigner {
  constructor(private readonly key: Buffer) {}

  sign(grant: PrintGrant): string {
    const payload = Buffer.from(JSON.stringify(FIELDS.map((f) => grant[f]))).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The grant of an authentic, unexpired token, else null. */
  verify(token: string, now = Date.now()): PrintGrant | null {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const values: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(values) || values.length !== FIELDS.length) return null;
      const grant = Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as unknown as PrintGrant;
      if (typeof grant.expiresAt !== 'number' || grant.expiresAt * 1000 <= now) return null;
      return grant;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
