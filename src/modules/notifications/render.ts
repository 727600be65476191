import { Value } from '@sinclair/typebox/value';
import type { Lang } from '../../server/errors.js';
import { isKnownKind, NOTIFICATION_KINDS, type NotificationKind, type PayloadOf } from './kinds.js';
import { UndeliverableError } from './errors.js';
import { ZH } from './templates-zh.js';
import { EN } from './templates-en.js';

export type Locale = Lang;

/** One message in one language: a title (inbox, email subject), a body, and a short SMS text. */
export interface Rendered {
  title: string;
  body: string;
  sms: string;
}

/** Every kind in every language, or the build fails. */
export type Templates = { [K in NotificationKind]: (p: PayloadOf<K>) => Rendered };

const TEMPLATES: Record<Locale, Templates> = { 'zh-CN': ZH, en: EN };

/** A user's stored locale to a language we write in; anything unknown reads Chinese. */
export const localeOf = (stored: string | null | undefined): Locale =>
  stored?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';

/** Throws UndeliverableError, naming the kind and the offending fields, if the row can never render. */
export function checkPayload(kind: string, payload: unknown): NotificationKind {
  if (!isKnownKind(kind)) throw new UndeliverableError(`unknown notification kind "${kind.slice(0, 60)}"`);
  const schema = NOTIFICATION_KINDS[kind].payload;
  if (!Value.Check(schema, payload)) {
    const fields = [...new Set([...Value.Errors(schema, payload)].map((e) => e.path || '/'))].slice(0, 5);
    throw new UndeliverableError(`payload of "${kind}" does not match its kind at ${fields.join(', ')}`);
  }
  return kind;
}

export function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UndeliverableError('payload is not valid JSON');
  }
}

export function render(kind: string, payload: unknown, locale: Locale): Rendered {
  const k = checkPayload(kind, payload);
  return (TEMPLATES[locale][k] as (p: unknown) => Rendered)(payload);
}
