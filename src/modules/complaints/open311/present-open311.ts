import { fromJson } from '../../../shared/json.js';
import type { CategoryRow, ComplaintRow } from '../repository.js';

/** GeoReport datetimes carry the offset (W3C format): China Standard Time, +08:00. */
export const w3c = (iso: string): string =>
  `${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

const CLOSED = new Set(['closed', 'not_accepted', 'merged']);

export const presentService = (c: CategoryRow) => ({
  service_code: c.code,
  service_name: c.name_zh,
  description: c.name_en,
  metadata: true,
  type: 'realtime',
  keywords: [c.name_zh, c.name_en, c.kind].join(','),
  group: c.kind,
});

export function presentDefinition(c: CategoryRow, departments: { code: string; name: string }[]) {
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true,
        code: 'department',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: 'The department the report is about',
        order: 1,
        description: '反映的部门 / Department concerned',
        values: departments.map((d) => ({ key: d.code, name: d.name })),
      },
    ],
  };
}

export interface RequestExtras {
  serviceName: string;
  agency: string;
  expected: string | null;
  notes: { datetime: string; kind: string }[];
}

/** One service request with exactly the spec's fields, and notes[] (the documented extension) for its updates. */
export function presentRequest(t: ComplaintRow, x: RequestExtras) {
  return {
    service_request_id: t.ticket_no,
    status: CLOSED.has(t.state) ? 'closed' : 'open',
    status_notes:
      t.state === 'closed'
        ? t.reply
        : t.state === 'not_accepted'
          ? fromJson<string[]>(t.refusal_reasons, []).join('; ')
          : t.state,
    service_name: x.serviceName,
    service_code: t.category_code,
    description: t.description,
    agency_responsible: x.agency,
    service_notice: '',
    requested_datetime: w3c(t.created_at),
    updated_datetime: w3c(t.updated_at),
    expected_datetime: x.expected ? w3c(x.expected) : null,
    address: t.location,
    address_id: null,
    zipcode: null,
    lat: t.lat,
    long: t.lng,
    media_url: null,
    notes: x.notes.map((n) => ({ type: 'update', datetime: w3c(n.datetime), summary: n.kind })),
  };
}
