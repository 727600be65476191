import { anonymous } from '../../../shared/actor.js';
import { sha256 } from '../../../shared/ids.js';
import { AppError } from '../../../server/errors.js';
import { findDepartment } from '../../catalogue/catalogue-reads.js';
import type { ComplaintDeps } from '../complaint-deps.js';
import { submitComplaint } from '../submit-complaint.js';
import { bad, checkJurisdiction, numberParam } from './open311-input.js';
import { findActiveKey } from './repository-open311.js';

export type Form = Record<string, string | undefined>;

/**
 * POST requests: a report from an Open311 client holding an api_key an administrator issued. The
 * spec's fields map onto intake: the department attribute, lat/long or address_string, the person's
 * name and contact (no name: an anonymous report). The answer carries the ticket number.
 */
export async function postOpen311Request(deps: ComplaintDeps, form: Form, ip: string) {
  if (!form.api_key || !(await findActiveKey(deps.db, sha256(form.api_key))))
    throw new AppError('open311_key_invalid');
  checkJurisdiction(deps, form.jurisdiction_id);
  if (!form.service_code) throw bad('service_code', '缺少 service_code', 'service_code is required');
  const lat = numberParam('lat', form.lat);
  const lng = numberParam('long', form.long);
  if ((lat === undefined || lng === undefined) && !form.address_string && !form.address_id)
    throw bad(
      'lat',
      '请提供 lat 和 long，或 address_string',
      'lat and long, or address_string, are required',
    );
  const deptCode = form['attribute[department]'];
  const dept = deptCode ? await findDepartment(deps.db, deptCode) : undefined;
  if (!dept)
    throw bad('attribute[department]', '缺少或未知的部门', 'attribute[department] is missing or unknown');
  const description = form.description ?? '';
  if (!description.trim() || description.length > 4000)
    throw bad('description', '请填写 4000 字以内的描述', 'description is required, at most 4,000 characters');
  const name = [form.first_name, form.last_name].filter(Boolean).join(' ').trim();
  const r = await submitComplaint(deps, anonymous(ip), {
    channel: 'open311',
    anonymous: !name,
    reporter: {
      ...(name ? { name } : {}),
      ...(form.phone ? { phone: form.phone } : {}),
      ...(form.email ? { email: form.email } : {}),
    },
    categoryCode: form.service_code,
    departmentId: dept.id,
    description,
    location: {
      ...(form.address_string ? { text: form.address_string } : {}),
      ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
    },
  });
  return [
    { service_request_id: r.ticketNo, token: r.id, service_notice: '', account_id: form.account_id ?? null },
  ];
}
