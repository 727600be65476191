// One realistic input of every kind: the tests' fixtures and a preview aid for the UI.

import type { DocumentKind } from './document-kinds.js';
import type { CommonDocumentFields, DocumentInput, DocumentInputOf } from './document-types.js';

const common: Omit<CommonDocumentFields, 'number'> = {
  issuedAt: '2026-03-05T02:30:00.000Z',
  centerName: '清河市政务服务中心',
  agencyName: '清河市市场监督管理局',
  receiptNo: 'QH20260305000123',
  trackingUrl: 'https://zwfw.qinghe.gov.cn/track/QH20260305000123',
  applicant: { name: '清河市味道餐饮管理有限公司', idMasked: '91370100MA3C******' },
  itemNames: ['食品经营许可（新办）'],
  complaintPhone: '12345',
};

const rights = { reconsiderationBody: '清河市人民政府', litigationCourt: '清河市人民法院' };

export const SAMPLE_INPUTS: { [K in DocumentKind]: DocumentInputOf<K> } = {
  acceptance_notice: {
    ...common,
    kind: 'acceptance_notice',
    number: '清政服受〔2026〕第000123号',
    acceptanceDate: '2026-03-05',
    committedDays: 10,
    dueDate: '2026-03-19',
    checkCode: '7K3Q9M',
    window: '清河市政务服务中心二楼B区12号窗口',
    consultPhone: '0531-88886666',
    departments: ['清河市市场监督管理局'],
  },
  supplement_notice: {
    ...common,
    kind: 'supplement_notice',
    number: '清政服补〔2026〕第000045号',
    seq: 1,
    window: '清河市政务服务中心二楼B区12号窗口',
    materials: [
      {
        name: '经营场所平面布局图',
        requirement: '标明操作间、库房、就餐区位置及面积，加盖申请人公章，原件1份',
      },
      { name: '食品安全管理制度文本', requirement: '须包含从业人员健康管理、进货查验记录等制度，原件1份' },
      { name: '法定代表人身份证明', requirement: '现场核验原件，留存复印件1份' },
    ],
  },
  non_acceptance_notice: {
    ...common,
    kind: 'non_acceptance_notice',
    number: '清政服不受〔2026〕第000007号',
    reasons: [
      '申请经营项目为仅销售预包装食品。依照《中华人民共和国食品安全法》第三十五条第一款，仅销售预包装食品的不需要取得许可，应当向所在地县级以上地方人民政府食品安全监督管理部门备案。',
    ],
    ...rights,
  },
  shortfall_acceptance_notice: {
    ...common,
    kind: 'shortfall_acceptance_notice',
    number: '清政服容〔2026〕第000019号',
    acceptanceDate: '2026-03-05',
    dueDate: '2026-03-19',
    checkCode: 'P4X8D2',
    missing: [{ name: '消防安全检查合格证明', form: '复印件1份（核验原件）', deadline: '2026-03-12' }],
    commitmentText: '本人（单位）承诺在上述期限内补齐容缺材料，并对所提交材料的真实性负责。',
    consequence: '逾期未补齐的，视为撤回申请，本机关终止办理，已作出的许可决定依法撤销。',
  },
  extension_notice: {
    ...common,
    kind: 'extension_notice',
    number: '清政服延〔2026〕第000003号',
    issuedAt: '2026-03-31T01:00:00Z',
    extensionDays: 10,
    reason: '申请涉及的中央厨房工艺流程复杂，需进一步审查',
    approvedBy: '清河市市场监督管理局负责人',
    previousDueDate: '2026-04-02',
    newDueDate: '2026-04-16',
    basis: '《中华人民共和国行政许可法》第四十二条第一款',
  },
  special_procedure_notice: {
    ...common,
    kind: 'special_procedure_notice',
    number: '清政服特〔2026〕第000011号',
    issuedAt: '2026-03-09T01:00:00Z',
    procedure: '专家评审',
    expectedDays: 5,
    reason: '申请涉及中央厨房新工艺，其食品安全风险需由专家评估',
    basis: '《中华人民共和国行政许可法》第四十五条',
    fromDate: '2026-03-10',
  },
  approval_decision: {
    ...common,
    kind: 'approval_decision',
    number: '清政服准许〔2026〕第000088号',
    issuedAt: '2026-03-17T07:00:00Z',
    resultName: '食品经营许可证',
    decisionText:
      '许可项目：食品销售；餐饮服务（含热食类食品制售）。\n经营场所：清河市历城区花园路88号。\n有效期：五年，自2026年3月18日至2031年3月17日。',
    departments: ['清河市市场监督管理局'],
  },
  refusal_decision: {
    ...common,
    kind: 'refusal_decision',
    number: '清政服不许〔2026〕第000004号',
    issuedAt: '2026-03-17T07:00:00Z',
    reasons: [
      '经现场核查，经营场所食品处理区与生活区未有效分隔，不符合《食品经营许可审查通则》的要求。',
      '专间未配备独立的空气消毒设施。',
    ],
    ...rights,
  },
  delivery_receipt: {
    ...common,
    kind: 'delivery_receipt',
    number: '清政服送〔2026〕第000090号',
    issuedAt: '2026-03-20T06:10:00Z',
    documents: [
      { name: '准予行政许可决定书', number: '清政服准许〔2026〕第000088号' },
      { name: '食品经营许可证', number: 'JY23701000012345' },
    ],
    method: '窗口直接送达',
    recipient: '王小明（委托代理人）',
    deliveredAt: '2026-03-20T06:10:00Z',
  },
  payment_form: {
    ...common,
    kind: 'payment_form',
    number: 'JK202600000123',
    paymentCode: '37010026030500012344',
    lines: [
      {
        code: 'FEE-SC-TSSB',
        name: '特种设备检验检测费',
        basis: '鲁价费发〔2017〕88号',
        standard: '每台480元',
        quantity: '2 台',
        amountFen: 96000,
        waivedFen: 0,
      },
      {
        code: 'FEE-QX-FLJC',
        name: '防雷装置检测费',
        basis: '鲁价费发〔2016〕52号',
        standard: '每处600元',
        quantity: '1 件',
        amountFen: 60000,
        waivedFen: 30000,
        waiverBasis: '《关于小微企业免征有关收费的通知》（财税〔2014〕101号）',
      },
    ],
    totalFen: 126000,
    dueDate: '2026-03-19',
    payChannels: [
      '网上缴款：https://zwfw.qinghe.gov.cn/pay/37010026030500012344',
      '窗口缴款：清河市政务服务中心一楼统一收费窗口（现金、POS刷卡）',
    ],
  },
  receipt: {
    ...common,
    kind: 'receipt',
    number: 'SJ202600000045',
    issuedAt: '2026-03-06T03:12:00Z',
    formNumber: 'JK202600000123',
    paymentCode: '37010026030500012344',
    lines: [
      { code: 'FEE-SC-TSSB', name: '特种设备检验检测费', amountFen: 96000 },
      { code: 'FEE-QX-FLJC', name: '防雷装置检测费', amountFen: 30000 },
    ],
    amountFen: 126000,
    channel: '网上支付',
    reference: 'T2026030611120001',
    paidAt: '2026-03-06T03:11:40Z',
    checkCode: 'K7P3Q9M2',
  },
  letter_reply: {
    ...common,
    kind: 'letter_reply',
    number: '清政服函〔2026〕第000012号',
    issuedAt: '2026-03-20T02:00:00Z',
    receiptNo: 'LH2026000031',
    itemNames: ['关于简化餐饮门店开办手续的建议'],
    letterKind: 'enterprise',
    receivedDate: '2026-03-02',
    subject: '关于简化餐饮门店开办手续的建议',
    replyText:
      '你公司提出的将食品经营许可与营业执照同窗受理的建议，我局已会同市政务服务中心研究采纳。\n自2026年4月起，开办餐饮门店可在综合窗口一次提交材料，并联审批，承诺时限压缩至5个工作日。',
    dueDate: '2026-03-23',
    contactPhone: '0531-88886666',
  },
};

export const SAMPLE_INPUT_LIST: DocumentInput[] = Object.values(SAMPLE_INPUTS);
