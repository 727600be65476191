import type { ReactNode } from 'react';
import { Anchor, Flex, Form, Grid, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemInput } from '../../../api/admin-types';
import type { Department, Fee } from '../../../api/types';
import { ConditionsFields } from './ConditionsFields';
import { FeeLinesFields } from './FeeLinesFields';
import { ItemBasicsFields } from './ItemBasicsFields';
import { ItemPlaceFields } from './ItemPlaceFields';
import { ItemTimeFields } from './ItemTimeFields';
import { LegalBasisFields } from './LegalBasisFields';
import { MaterialsFields } from './MaterialsFields';
import { ProcedureFields, SpecialProcedureFields } from './ProcedureFields';

interface Props {
  form: FormInstance<ItemInput>;
  initial: Partial<ItemInput>;
  creating: boolean;
  departments: Department[];
  fees: Fee[];
}

/** The editor's sections, in the order of the published guide, with the title of their card. */
export const EDITOR_SECTIONS = [
  ['basics', 'itemForm.basics'],
  ['time', 'itemForm.time'],
  ['materials', 'itemForm.materials'],
  ['conditions', 'itemForm.conditions'],
  ['procedure', 'itemForm.procedure'],
  ['special', 'guide.specialProcedures'],
  ['fees', 'guide.section.fees'],
  ['place', 'itemForm.place'],
  ['basis', 'guide.section.basis'],
] as const;

const sectionId = (key: string) => `item-section-${key}`;

/**
 * Every element of an item version, in the order of the published guide. Nothing is hidden, so every
 * error is visible; a section list (beside the form on a wide screen, above it on a narrow one) jumps
 * to each part and moves the keyboard focus there.
 */
export function ItemForm({ form, initial, creating, departments, fees }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().lg ?? false;
  const body: Record<(typeof EDITOR_SECTIONS)[number][0], ReactNode> = {
    basics: <ItemBasicsFields creating={creating} departments={departments} />,
    time: <ItemTimeFields />,
    materials: <MaterialsFields />,
    conditions: <ConditionsFields />,
    procedure: <ProcedureFields />,
    special: <SpecialProcedureFields />,
    fees: <FeeLinesFields fees={fees} />,
    place: <ItemPlaceFields />,
    basis: <LegalBasisFields />,
  };
  const nav = (
    <nav aria-label={t('ux.editor.sections')} className={wide ? 'ow-editor-nav' : 'ow-editor-nav-top'}>
      <Anchor
        affix={false}
        direction={wide ? 'vertical' : 'horizontal'}
        targetOffset={80}
        onClick={(e, link) => {
          e.preventDefault();
          // Scrolling alone leaves a keyboard user where they were: the focus follows.
          document.getElementById(link.href.slice(1))?.focus({ preventScroll: true });
        }}
        items={EDITOR_SECTIONS.map(([key, label]) => ({
          key,
          href: `#${sectionId(key)}`,
          title: t(label),
        }))}
      />
    </nav>
  );
  return (
    <Flex gap="middle" vertical={!wide} align="flex-start" className="ow-editor">
      {nav}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        scrollToFirstError={{ block: 'center' }}
        className="ow-editor-form"
      >
        <Flex vertical gap="middle">
          {EDITOR_SECTIONS.map(([key, label]) => (
            <section
              key={key}
              id={sectionId(key)}
              tabIndex={-1}
              aria-label={t(label)}
              className="ow-editor-section"
            >
              {body[key]}
            </section>
          ))}
        </Flex>
      </Form>
    </Flex>
  );
}
