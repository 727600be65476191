import type { Templates } from './render.js';
import { yuan } from '../documents/money-text.js';

const numbered = (xs: readonly string[]) => xs.map((x, i) => `${i + 1}. ${x}`).join('\n');
const SMS = '【一窗通】';
const REMEDY = '如有异议，可依法申请行政复议或者提起行政诉讼。';

/** Simplified Chinese, the default for every recipient without an account or a locale. */
export const ZH: Templates = {
  supervision_order_opened: (p) => ({
    title: `督办通知：${p.label}`,
    body: `“${p.label}”已超过办理时限（期限 ${p.dueDate}），电子监察已发出督办单。\n请于 ${p.answerBy} 前登录一窗通答复督办单，说明原因和整改措施。`,
    sms: `${SMS}督办：“${p.label}”已超期（期限${p.dueDate}），请于${p.answerBy}前答复督办单。`,
  }),
  supervision_order_answered: (p) => ({
    title: '督办单已答复',
    body: `部门负责人已答复督办单：\n${p.answer}\n\n请登录一窗通审阅，并决定是否办结督办。`,
    sms: `${SMS}有一份督办单已答复，请登录审阅。`,
  }),
  case_received: (p) => ({
    title: `申请已收到：${p.title}`,
    body: `您的申请“${p.title}”已收到，受理编号 ${p.receiptNo}。我们将依法审查，并告知是否受理或者需要补正的材料。`,
    sms: `${SMS}您的申请已收到，编号${p.receiptNo}。`,
  }),
  case_accepted: (p) => {
    const code = p.checkCode ? `，查询码 ${p.checkCode}` : '';
    return {
      title: `已受理：${p.title}`,
      body: `您的申请“${p.title}”已受理，受理编号 ${p.receiptNo}${code}，承诺办结日期 ${p.dueDate}。${p.checkCode ? '\n凭受理编号和查询码可随时查询办理进度，请妥善保管查询码。' : ''}`,
      sms: `${SMS}您的申请已受理，编号${p.receiptNo}${p.checkCode ? `，查询码${p.checkCode}` : ''}，承诺${p.dueDate}前办结。`,
    };
  },
  // Only the first notice is the one-time notice; a later one says which it is, and why.
  supplement_requested: (p) =>
    (p.seq ?? 1) === 1
      ? {
          title: `请补正材料：${p.title}`,
          body: `您的申请“${p.title}”（编号 ${p.receiptNo}）需要补正以下材料（一次性告知）：\n${numbered(p.materials)}\n请补齐后一并提交。`,
          sms: `${SMS}您的申请${p.receiptNo}需补正${p.materials.length}项材料：${p.materials.join('、')}。详见一次性告知书。`,
        }
      : {
          title: `再次补正材料（第 ${p.seq} 次补正告知）：${p.title}`,
          body: `您的申请“${p.title}”（编号 ${p.receiptNo}）需要再次补正以下材料（第 ${p.seq} 次补正告知）：\n${numbered(p.materials)}${p.reason ? `\n再次补正的理由：${p.reason}` : ''}\n请补齐后一并提交。`,
          sms: `${SMS}您的申请${p.receiptNo}需再次补正${p.materials.length}项材料：${p.materials.join('、')}。详见第${p.seq}次补正告知书。`,
        },
  case_not_accepted: (p) => ({
    title: `不予受理：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）不予受理，理由：\n${numbered(p.reasons)}\n${REMEDY}`,
    sms: `${SMS}您的申请${p.receiptNo}不予受理，理由详见不予受理通知书。`,
  }),
  case_extended: (p) => ({
    title: `办理时限延长：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）办理时限延长 ${p.days} 个工作日，新的办结日期为 ${p.newDueDate}。\n延长理由：${p.reason}`,
    sms: `${SMS}您的申请${p.receiptNo}办理时限延长${p.days}个工作日，新的办结日期为${p.newDueDate}。`,
  }),
  special_procedure_started: (p) => ({
    title: `进入特别程序：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）进入${p.procedure}程序，预计需要 ${p.expectedDays} 个工作日，所需时间不计入办理时限。`,
    sms: `${SMS}您的申请${p.receiptNo}进入${p.procedure}程序，预计${p.expectedDays}个工作日，不计入办理时限。`,
  }),
  case_decided: (p) =>
    p.decision === 'approved'
      ? {
          title: `准予许可：${p.title}`,
          body: `您的申请“${p.title}”（编号 ${p.receiptNo}）已作出准予许可的决定，结果将按您选择的方式送达。`,
          sms: `${SMS}您的申请${p.receiptNo}已准予许可，结果将按您选择的方式送达。`,
        }
      : {
          title: `不予许可：${p.title}`,
          body: `您的申请“${p.title}”（编号 ${p.receiptNo}）已作出不予许可的决定，理由详见决定书。\n${REMEDY}`,
          sms: `${SMS}您的申请${p.receiptNo}已作出不予许可决定，理由详见决定书。`,
        },
  case_completed: (p) => ({
    title: `已办结：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）已办结。欢迎对本次服务作出评价。`,
    sms: `${SMS}您的申请${p.receiptNo}已办结，欢迎评价。`,
  }),
  case_withdrawn: (p) => ({
    title: `已撤回：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）已按您的要求撤回。`,
    sms: `${SMS}您的申请${p.receiptNo}已撤回。`,
  }),
  fee_form_issued: (p) => ({
    title: `请缴费：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）需依法缴纳费用 ¥${yuan(p.amountFen)}，缴款书号 ${p.formNumber}，缴款码 ${p.paymentCode}，请于 ${p.dueDate} 前缴纳。\n可登录一窗通在线缴费，或持缴款码到窗口、银行缴纳；收费依据见缴款书。`,
    sms: `${SMS}申请${p.receiptNo}需缴费¥${yuan(p.amountFen)}，缴款码${p.paymentCode}，请于${p.dueDate}前缴纳。`,
  }),
  fee_refund_paid: (p) => ({
    title: `退费已支付：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）缴款书 ${p.formNumber} 的退费 ¥${yuan(p.amountFen)} 已支付，请注意查收。`,
    sms: `${SMS}申请${p.receiptNo}的退费¥${yuan(p.amountFen)}已支付。`,
  }),
  task_assigned: (p) => ({
    title: `新的审查任务：${p.title}`,
    body: `案件“${p.title}”（编号 ${p.receiptNo}）已分派本部门审查，请于 ${p.dueDate} 前完成。`,
    sms: `${SMS}新的审查任务${p.receiptNo}，请于${p.dueDate}前完成。`,
  }),
  letter_assigned: (p) => ({
    title: `待答复来函：${p.subject}`,
    body: `来函“${p.subject}”（编号 ${p.number}）已交办本部门，请于 ${p.dueDate} 前答复。`,
    sms: `${SMS}来函${p.number}已交办本部门，请于${p.dueDate}前答复。`,
  }),
  inspection_notice: (p) => ({
    title: `检查预告：${p.department} ${p.plannedDate}`,
    body: `${p.department}已登记于 ${p.plannedDate} 对贵单位开展检查（编号 ${p.number}），检查事项：${p.items.join('、')}。检查人员到达时请扫企业码核验。`,
    sms: `${SMS}${p.department}将于${p.plannedDate}对贵单位检查（${p.number}），到场请扫码核验。`,
  }),
  complaint_accepted: (p) => ({
    title: `举报已受理：${p.ticketNo}`,
    body: `您的投诉举报（编号 ${p.ticketNo}）已受理，将于 ${p.dueDate} 前办理答复。凭编号和查询码可随时查询进度。`,
    sms: `${SMS}您的投诉举报${p.ticketNo}已受理，${p.dueDate}前答复。`,
  }),
  complaint_not_accepted: (p) => ({
    title: `举报不予受理：${p.ticketNo}`,
    body: `您的投诉举报（编号 ${p.ticketNo}）不予受理，理由：\n${numbered(p.reasons)}`,
    sms: `${SMS}您的投诉举报${p.ticketNo}不予受理，理由请凭编号和查询码查询。`,
  }),
  complaint_result: (p) => ({
    title: `举报办理结果：${p.ticketNo}`,
    body: `您的投诉举报（编号 ${p.ticketNo}）已办结，办理结果：\n${p.reply}\n如问题未解决，可在规定期限内申请重新办理，并欢迎评价。`,
    sms: `${SMS}您的投诉举报${p.ticketNo}已办结，结果请凭编号和查询码查询并评价。`,
  }),
  complaint_assigned: (p) => ({
    title: `新交办件：${p.ticketNo}`,
    body: `举报中心交办投诉举报（编号 ${p.ticketNo}，类别：${p.category}），请于 ${p.dueDate} 前办理答复。`,
    sms: `${SMS}新交办件${p.ticketNo}，${p.dueDate}前答复。`,
  }),
  hall_code: (p) => ({
    title: '预约验证码',
    body: `您的大厅预约验证码是 ${p.code}，${p.minutes} 分钟内有效。请勿告诉他人。`,
    sms: `${SMS}您的预约验证码是${p.code}，${p.minutes}分钟内有效，请勿告诉他人。`,
  }),
  hall_appointment_booked: (p) => ({
    title: `预约成功：${p.group}`,
    body: `您已预约 ${p.day} ${p.slot} 到政务服务大厅“${p.group}”办事，预约码 ${p.appointmentCode}。到达后在取号机扫描或输入预约码取号。`,
    sms: `${SMS}已预约${p.day} ${p.slot}“${p.group}”，预约码${p.appointmentCode}，到厅后凭码取号。`,
  }),
  hall_ticket_near: (p) => ({
    title: `即将叫到您的号：${p.ticketNo}`,
    body: `您的排队号 ${p.ticketNo}（${p.group}）前面还有 ${p.ahead} 人，请到窗口附近等候叫号。`,
    sms: `${SMS}您的号${p.ticketNo}前面还有${p.ahead}人，请到窗口附近等候。`,
  }),
  rating_invitation: (p) => ({
    title: `请评价：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）已办结。请对本次服务作出评价（自愿，非常满意至非常不满意五级）：\n${p.link}`,
    sms: `${SMS}您的申请${p.receiptNo}已办结，欢迎评价：${p.link}`,
  }),
  rating_reminder: (p) => ({
    title: `评价提醒：${p.title}`,
    body: `您的申请“${p.title}”（编号 ${p.receiptNo}）办结后尚未评价。如您愿意，可在此评价：\n${p.link}`,
    sms: `${SMS}您的申请${p.receiptNo}尚未评价，欢迎评价：${p.link}`,
  }),
  password_reset_code: (p) => ({
    title: '重置密码验证码',
    body: `您正在重置一窗通账号的密码，验证码是 ${p.code}，${p.minutes} 分钟内有效。如非本人操作，请忽略本消息，请勿告诉他人。`,
    sms: `${SMS}您正在重置密码，验证码${p.code}，${p.minutes}分钟内有效。如非本人操作请忽略，请勿告诉他人。`,
  }),
  password_changed: (p) => ({
    title: '账号密码已修改',
    body: `您的一窗通账号 ${p.username} 的密码已于 ${p.at} 通过验证码重置，其他已登录的设备均已退出。如非本人操作，请立即联系政务服务中心。`,
    sms: `${SMS}您的账号${p.username}的密码已于${p.at}重置。如非本人操作，请立即联系政务服务中心。`,
  }),
};
