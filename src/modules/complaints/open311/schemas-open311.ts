import { Type } from '@sinclair/typebox';
import { Nullable } from '../../../shared/schema-helpers.js';

/** GeoReport v2 shapes with exactly the spec's field names (domain.md §7). */
export const Service = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.String({ description: 'realtime | batch | blackbox' }),
  keywords: Type.String(),
  group: Type.String(),
});
export const ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: Type.String(),
      order: Type.Integer(),
      description: Type.String(),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});
export const ServiceRequest = Type.Object({
  service_request_id: Type.String(),
  status: Type.String({ description: 'open | closed' }),
  status_notes: Nullable(Type.String()),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Type.String(),
  agency_responsible: Type.String(),
  service_notice: Type.String(),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Nullable(Type.String()),
  address: Nullable(Type.String()),
  address_id: Nullable(Type.String()),
  zipcode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  media_url: Nullable(Type.String()),
  notes: Type.Array(Type.Object({ type: Type.String(), datetime: Type.String(), summary: Type.String() }), {
    description: 'extension: the updates of the request',
  }),
});
export const PostAnswer = Type.Object({
  service_request_id: Type.String(),
  token: Type.String(),
  service_notice: Type.String(),
  account_id: Nullable(Type.String()),
});
export const TokenAnswer = Type.Object({ service_request_id: Type.String(), token: Type.String() });
export const Open311Errors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));
export const JurisdictionQuery = Type.Object({
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 100 })),
});
export const RequestsQuery = Type.Object({
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 100 })),
  service_request_id: Type.Optional(Type.String({ maxLength: 20_000 })),
  service_code: Type.Optional(Type.String({ maxLength: 40 })),
  start_date: Type.Optional(Type.String({ maxLength: 40 })),
  end_date: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
});
export const IssueKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
});
export const IssuedKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  apiKey: Type.String({ description: 'shown once' }),
});
