import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Per department, one year: inspections, joint ones, those with findings, complaints about them. */
export const statsByDepartment = (db: Q, year: number) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('departments', 'departments.id', 'insp_inspections.department_id')
    .select([
      'insp_inspections.department_id',
      'departments.name as department_name',
      (eb) => eb.fn.countAll<number>().as('inspections'),
      sql<number>`sum(case when insp_inspections.joint_group is not null then 1 else 0 end)`.as('joint'),
      sql<number>`sum(case when insp_inspections.outcome in ('rectification', 'penalty') then 1 else 0 end)`.as(
        'findings',
      ),
      sql<number>`sum(case when insp_inspections.state = 'concluded' then 1 else 0 end)`.as('concluded'),
      sql<number>`sum(insp_inspections.complaints)`.as('complaints'),
    ])
    .where('insp_inspections.year', '=', year)
    .where('insp_inspections.state', '!=', 'cancelled')
    .groupBy(['insp_inspections.department_id', 'departments.name'])
    .orderBy('insp_inspections.department_id')
    .execute();

/** Open inspection signals, by department and by subject. */
export const openSignals = (db: Q) =>
  db
    .selectFrom('supervision_signals')
    .select(['kind', 'department_id', 'subject_type', 'subject_id'])
    .where('kind', 'like', 'inspection_%')
    .where('status', '=', 'open')
    .execute();

/** The enterprises inspected most this year. */
export const busiestEnterprises = (db: Q, year: number, limit: number) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('insp_enterprises', 'insp_enterprises.id', 'insp_inspections.enterprise_id')
    .select([
      'insp_enterprises.id',
      'insp_enterprises.name',
      'insp_enterprises.credit_code',
      (eb) => eb.fn.countAll<number>().as('inspections'),
      sql<number>`count(distinct insp_inspections.department_id)`.as('departments'),
    ])
    .where('insp_inspections.year', '=', year)
    .groupBy(['insp_enterprises.id', 'insp_enterprises.name', 'insp_enterprises.credit_code'])
    .orderBy('inspections', 'desc')
    .limit(limit)
    .execute();
