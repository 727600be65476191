import type { CatalogueFileT, ItemInputT } from '../src/modules/catalogue/schemas.js';

const dept = (code: string, name: string, shortName: string, creditCode: string) => ({
  code,
  name,
  shortName,
  creditCode,
  leader: '测试',
  leaderTitle: '副局长',
  phone: '0571-1',
  complaintPhone: '0571-2',
  windows: ['A1'],
  hours: '9:00-17:00',
  address: '一楼',
});

export function item(
  over: Partial<ItemInputT> & Pick<ItemInputT, 'code' | 'name' | 'departmentCode'>,
): ItemInputT {
  return {
    type: 'licensing',
    level: 'city',
    implementingBody: '测试机关',
    lifeEvents: ['开办企业'],
    keywords: [],
    legalBasis: [{ kind: 'law', title: '《中华人民共和国行政许可法》' }],
    conditions: ['申请人具有相应能力'],
    materials: [
      { name: '申请书', form: 'original', copies: 1, required: true, deferrable: false, source: 'applicant' },
      { name: '场所平面图', form: 'copy', copies: 1, required: true, deferrable: true, source: 'applicant' },
    ],
    procedure: [
      { step: '受理', description: '窗口受理' },
      { step: '决定', description: '作出决定' },
    ],
    specialProcedures: [],
    statutoryDays: 20,
    committedDays: 5,
    handlingClass: 'promise',
    fees: [],
    paymentPoint: 'none',
    place: '一楼',
    window: 'A1',
    hours: '9:00-17:00',
    consultPhone: '0571-1',
    complaintPhone: '0571-2',
    onlineUrl: 'https://example.test/item',
    channels: ['window', 'online'],
    maxVisits: 1,
    responsibleLeader: '测试',
    commitment: '5个工作日内办结',
    resultName: '许可证',
    ...over,
  };
}

/** A small but valid catalogue: three departments, two fees, four items, a few synonyms. */
export function smallCatalogue(): CatalogueFileT {
  return {
    format: 'onewindow-catalogue/1',
    departments: [
      dept('SCJ', '清河市市场监督管理局', '市市场监管局', '11330900MB1740001A'),
      dept('ZRJ', '清河市自然资源和规划局', '市自然资源规划局', '11330900MB1333001X'),
      dept('WJW', '清河市卫生健康委员会', '市卫生健康委', '11330900MB16290019'),
    ],
    fees: [
      {
        code: 'FEE-ZR-BDC-ZZ',
        name: '不动产登记费（住宅类）',
        departmentCode: 'ZRJ',
        category: 'administrative',
        basis: '发改价格规〔2016〕2559号',
        standard: '每件80元',
        management: '全额缴入国库',
        rule: { kind: 'fixed', amountFen: 8000 },
      },
      {
        code: 'FEE-ZJ-PTF',
        name: '城市基础设施配套费',
        departmentCode: 'ZRJ',
        category: 'fund',
        basis: '省定标准',
        standard: '每平方米30元',
        management: '全额缴入国库',
        rule: { kind: 'per_unit', unit: '平方米', unitFen: 3000 },
      },
    ],
    items: [
      item({
        code: 'SCJ-XK-001',
        name: '食品经营许可',
        departmentCode: 'SCJ',
        keywords: ['开餐馆', '饭店', '餐饮'],
        resultName: '食品经营许可证',
      }),
      item({
        code: 'SCJ-XK-002',
        name: '企业设立登记',
        departmentCode: 'SCJ',
        keywords: ['开公司', '营业执照'],
        resultName: '营业执照',
        committedDays: 1,
        statutoryDays: 15,
      }),
      item({
        code: 'WJW-XK-001',
        name: '公共场所卫生许可',
        departmentCode: 'WJW',
        keywords: ['美容店', '宾馆'],
        resultName: '公共场所卫生许可证',
      }),
      item({
        code: 'ZRJ-QR-001',
        name: '不动产转移登记',
        type: 'confirmation',
        departmentCode: 'ZRJ',
        keywords: ['过户', '买房'],
        resultName: '不动产权证书',
        fees: [{ feeCode: 'FEE-ZR-BDC-ZZ' }],
        paymentPoint: 'before_delivery',
        lifeEvents: ['住房'],
      }),
      item({
        code: 'ZRJ-GG-001',
        name: '不动产登记资料查询',
        type: 'public_service',
        departmentCode: 'ZRJ',
        handlingClass: 'instant',
        committedDays: 0,
        statutoryDays: 0,
        resultName: '查询结果',
        lifeEvents: ['住房'],
      }),
    ],
    synonyms: [
      { term: '餐馆', synonyms: ['餐饮', '食品经营'] },
      { term: '开办企业', synonyms: ['企业设立登记', '营业执照'] },
    ],
  };
}
