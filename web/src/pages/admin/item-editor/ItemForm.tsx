import { Flex, Form, type FormInstance } from 'antd';
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

/** Every element of an item version, in the order of the published guide. Nothing is hidden, so every error is visible. */
export function ItemForm({ form, initial, creating, departments, fees }: Props) {
  return (
    <Form form={form} layout="vertical" initialValues={initial} scrollToFirstError={{ block: 'center' }}>
      <Flex vertical gap="middle">
        <ItemBasicsFields creating={creating} departments={departments} />
        <ItemTimeFields />
        <MaterialsFields />
        <ConditionsFields />
        <ProcedureFields />
        <SpecialProcedureFields />
        <FeeLinesFields fees={fees} />
        <ItemPlaceFields />
        <LegalBasisFields />
      </Flex>
    </Form>
  );
}
