import type { MaterialBodyT } from '../modules/learning/schemas.js';

interface DemoMaterial {
  material: MaterialBodyT;
  questions: { prompt: string; options: string[]; answer: number }[];
}

const m = (
  volume: MaterialBodyT['volume'],
  topic: string,
  title: string,
  sections: [string, string][],
  ruleCode?: MaterialBodyT['ruleCode'],
): MaterialBodyT => ({
  volume,
  topic,
  title,
  ...(ruleCode ? { ruleCode } : {}),
  sections: sections.map(([t, body]) => ({ title: t, body })),
  quizSize: 2,
  passPct: 80,
  maxAttempts: 3,
});

/** The demo library: one reading per volume, and the four rules staff are held to, each with a quiz. */
export const DEMO_LEARNING: DemoMaterial[] = [
  {
    material: m('politics_economics', '经济常识', '市场经济与政府职能', [
      ['市场在资源配置中的作用', '市场决定资源配置，政府的职责是维护市场秩序、提供公共服务。'],
      ['优化营商环境', '减少审批、降低收费、提高效率，是政府服务经济发展的直接方式。'],
    ]),
    questions: [
      { prompt: '在资源配置中起决定性作用的是？', options: ['市场', '行政审批'], answer: 0 },
      { prompt: '下列哪项属于优化营商环境的做法？', options: ['增加前置审批', '清理不合理收费'], answer: 1 },
    ],
  },
  {
    material: m('law_science', '行政许可法', '行政许可法要点', [
      ['一次性告知', '申请材料不齐全的，应当当场或者在五日内一次告知需要补正的全部内容（第三十二条）。'],
      ['办理时限', '除可以当场作出决定的外，应当自受理之日起二十日内作出决定（第四十二条）。'],
    ]),
    questions: [
      { prompt: '材料不齐全时，应在几日内一次告知？', options: ['五日', '十日'], answer: 0 },
      { prompt: '行政许可一般应在受理后多少日内作出决定？', options: ['三十日', '二十日'], answer: 1 },
    ],
  },
  {
    material: m('government_functions', '依法行政', '依法行政与政务公开', [
      ['法无授权不可为', '行政机关的职权来自法律授权，收费、检查、处罚均须有法定依据。'],
      ['政务公开', '办事指南、收费标准、办理时限一律公开，接受群众监督。'],
    ]),
    questions: [
      { prompt: '行政机关收费的前提是？', options: ['有法律、行政法规依据', '部门自行决定'], answer: 0 },
      { prompt: '办事指南应当？', options: ['内部掌握', '向社会公开'], answer: 1 },
    ],
  },
  {
    material: m('overall_quality', '职业道德', '机关工作人员职业道德', [
      ['廉洁自律', '不吃拿卡要，不利用职权为自己或他人谋取利益。'],
      ['服务意识', '把群众满意作为工作标准，热情、耐心、周到。'],
    ]),
    questions: [
      { prompt: '窗口工作人员收受服务对象礼品是否允许？', options: ['不允许', '节日可以'], answer: 0 },
      { prompt: '衡量服务工作的标准是？', options: ['领导满意', '群众满意'], answer: 1 },
    ],
  },
  {
    material: m('governing_capacity', '执行力', '提高执行力', [
      ['限时办结', '承诺时限内办结是对社会的承诺，超时即为失信。'],
      ['督查问责', '电子监察对超时、推诿等行为发出预警并督办。'],
    ]),
    questions: [
      { prompt: '超过承诺时限未办结会？', options: ['触发电子监察红灯并督办', '没有影响'], answer: 0 },
      { prompt: '承诺时限是对谁的承诺？', options: ['上级机关', '社会公众'], answer: 1 },
    ],
  },
  {
    material: m(
      'government_functions',
      '服务规范',
      '首问负责制',
      [
        ['首问责任人', '服务对象首先询问的工作人员即为首问责任人，负责答复或引导，不得推诿。'],
        ['交接与登记', '不属本人职责的，应引导至承办人员并登记交接，确保有人负责到底。'],
      ],
      'first_inquiry',
    ),
    questions: [
      { prompt: '首问责任人是？', options: ['服务对象首先询问的工作人员', '部门负责人'], answer: 0 },
      {
        prompt: '问题不属于本人职责时应当？',
        options: ['告知“不归我管”', '引导至承办人员并登记交接'],
        answer: 1,
      },
      { prompt: '首问负责制要求？', options: ['负责到底，不推诿', '只答复本人业务'], answer: 0 },
    ],
  },
  {
    material: m(
      'government_functions',
      '服务规范',
      '来函必复制',
      [
        ['必复', '单位和群众来函一律登记，指定承办部门，在规定时限内书面答复。'],
        ['时限与延期', '不能按时答复的，经部门负责人批准可延期一次，并告知来函人。'],
      ],
      'letters_answered',
    ),
    questions: [
      { prompt: '来函应当？', options: ['选择性答复', '一律登记并在时限内答复'], answer: 1 },
      { prompt: '不能按时答复时？', options: ['经负责人批准延期一次并告知', '不予答复'], answer: 0 },
    ],
  },
  {
    material: m(
      'law_science',
      '服务规范',
      '一次性告知制',
      [
        ['告知全部内容', '材料不齐全的，一次性告知需要补正的全部材料，不得多次要求补正。'],
        ['书面告知', '出具补正告知书，列明材料名称、要求和提交方式。'],
      ],
      'one_time_notice',
    ),
    questions: [
      { prompt: '二次补正要求告知书未列的材料会？', options: ['触发监察信号', '没有影响'], answer: 0 },
      { prompt: '补正告知应当？', options: ['口头告知即可', '书面一次性告知全部内容'], answer: 1 },
    ],
  },
  {
    material: m(
      'overall_quality',
      '服务规范',
      '规范服务',
      [
        ['文明用语', '使用文明规范用语，禁止生硬、推诿、冷漠的言行。'],
        ['亮证上岗', '佩戴工作牌，窗口公示姓名、职责和监督电话。'],
      ],
      'standard_service',
    ),
    questions: [
      { prompt: '窗口工作人员应当？', options: ['亮证上岗并公示监督电话', '无需公示'], answer: 0 },
      {
        prompt: '下列哪项符合规范服务？',
        options: ['“这不归我管”', '“请稍等，我帮您联系承办人”'],
        answer: 1,
      },
    ],
  },
];
