import type { Templates } from './render.js';
import { yuan } from '../documents/money-text.js';

const numbered = (xs: readonly string[]) => xs.map((x, i) => `${i + 1}. ${x}`).join('\n');
const SMS = '[OneWindow] ';
const REMEDY = 'You may apply for administrative reconsideration or bring an administrative lawsuit.';
const workingDays = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** English, for users whose locale is en. */
export const EN: Templates = {
  supervision_order_opened: (p) => ({
    title: `Supervision order: ${p.label}`,
    body:
      `"${p.label}" has passed its time limit (due ${p.dueDate}); electronic supervision has opened a supervision order.\nPlease answer ` +
      `it in OneWindow by ${p.answerBy}, giving the cause and the remedy.`,
    sms: `${SMS}Supervision order: "${p.label}" is overdue (due ${p.dueDate}); answer by ${p.answerBy}.`,
  }),
  supervision_order_answered: (p) => ({
    title: 'Supervision order answered',
    body: `The department head has answered a supervision order:\n${p.answer}\n\nPlease review it in OneWindow and decide whether to close the order.`,
    sms: `${SMS}A supervision order has been answered; please review it.`,
  }),
  case_received: (p) => ({
    title: `Application received: ${p.title}`,
    body: `We have received your application "${p.title}", number ${p.receiptNo}. We will examine it and tell you whether it is accepted or what is missing.`,
    sms: `${SMS}Your application ${p.receiptNo} has been received.`,
  }),
  case_accepted: (p) => ({
    title: `Accepted: ${p.title}`,
    body:
      `Your application "${p.title}" has been accepted: number ${p.receiptNo}${p.checkCode ? `, check code ${p.checkCode}` : ''}, to be ` +
      `decided by ${p.dueDate}.${p.checkCode ? '\nWith the number and the check code you can follow its progress at any time; keep the check code safe.' : ''}`,
    sms: `${SMS}Your application ${p.receiptNo} has been accepted${p.checkCode ? ` (check code ${p.checkCode})` : ''}; due by ${p.dueDate}.`,
  }),
  supplement_requested: (p) =>
    (p.seq ?? 1) === 1
      ? {
          title: `Documents needed: ${p.title}`,
          body:
            `Your application "${p.title}" (${p.receiptNo}) needs the following (the complete list, given ` +
            `once):\n${numbered(p.materials)}\nPlease hand them in together.`,
          sms: `${SMS}Your application ${p.receiptNo} needs ${p.materials.length} more document(s): ${p.materials.join('; ')}. See the supplement notice.`,
        }
      : {
          title: `More documents needed (supplement notice no. ${p.seq}): ${p.title}`,
          body:
            `Your application "${p.title}" (${p.receiptNo}) needs the following once more (supplement notice no. ` +
            `${p.seq}):\n${numbered(p.materials)}${p.reason ? `\nWhy it is asked again: ${p.reason}` : ''}\nPlease hand them in together.`,
          sms:
            `${SMS}Your application ${p.receiptNo} needs ${p.materials.length} more document(s) again: ${p.materials.join('; ')}. See ` +
            `supplement notice no. ${p.seq}.`,
        },
  case_not_accepted: (p) => ({
    title: `Not accepted: ${p.title}`,
    body: `Your application "${p.title}" (${p.receiptNo}) is not accepted, for these reasons:\n${numbered(p.reasons)}\n${REMEDY}`,
    sms: `${SMS}Your application ${p.receiptNo} is not accepted; the reasons are in the notice.`,
  }),
  case_extended: (p) => ({
    title: `Time limit extended: ${p.title}`,
    body:
      `The time limit of your application "${p.title}" (${p.receiptNo}) is extended by ${workingDays(p.days)}; the new due date is ` +
      `${p.newDueDate}.\nReason: ${p.reason}`,
    sms: `${SMS}Your application ${p.receiptNo} is extended by ${workingDays(p.days)}; now due ${p.newDueDate}.`,
  }),
  special_procedure_started: (p) => ({
    title: `Special procedure: ${p.title}`,
    body:
      `Your application "${p.title}" (${p.receiptNo}) has entered a special procedure (${p.procedure}), expected to take ` +
      `${workingDays(p.expectedDays)}; this time does not count towards the time limit.`,
    sms:
      `${SMS}Your application ${p.receiptNo} is in a special procedure (${p.procedure}), about ${workingDays(p.expectedDays)}, not ` +
      `counted in the time limit.`,
  }),
  case_decided: (p) =>
    p.decision === 'approved'
      ? {
          title: `Approved: ${p.title}`,
          body: `Your application "${p.title}" (${p.receiptNo}) has been approved. The result will be delivered the way you chose.`,
          sms: `${SMS}Your application ${p.receiptNo} has been approved.`,
        }
      : {
          title: `Refused: ${p.title}`,
          body: `Your application "${p.title}" (${p.receiptNo}) has been refused; the reasons are in the decision.\n${REMEDY}`,
          sms: `${SMS}Your application ${p.receiptNo} has been refused; the reasons are in the decision.`,
        },
  case_completed: (p) => ({
    title: `Completed: ${p.title}`,
    body: `Your application "${p.title}" (${p.receiptNo}) is complete. We welcome your rating of our service.`,
    sms: `${SMS}Your application ${p.receiptNo} is complete.`,
  }),
  case_withdrawn: (p) => ({
    title: `Withdrawn: ${p.title}`,
    body: `Your application "${p.title}" (${p.receiptNo}) has been withdrawn as you asked.`,
    sms: `${SMS}Your application ${p.receiptNo} has been withdrawn.`,
  }),
  fee_form_issued: (p) => ({
    title: `Fee to pay: ${p.title}`,
    body:
      `Your application "${p.title}" (${p.receiptNo}) carries a statutory fee of CNY ${yuan(p.amountFen)}: payment form ` +
      `${p.formNumber}, payment code ${p.paymentCode}, due by ${p.dueDate}.\n` +
      'Pay online in OneWindow, or with the payment code at the window or a bank; the form states the legal basis.',
    sms: `${SMS}Application ${p.receiptNo}: fee CNY ${yuan(p.amountFen)}, payment code ${p.paymentCode}, due by ${p.dueDate}.`,
  }),
  fee_refund_paid: (p) => ({
    title: `Refund paid: ${p.title}`,
    body: `The refund of CNY ${yuan(p.amountFen)} on payment form ${p.formNumber} of your application "${p.title}" (${p.receiptNo}) has been paid.`,
    sms: `${SMS}Application ${p.receiptNo}: refund of CNY ${yuan(p.amountFen)} paid.`,
  }),
  task_assigned: (p) => ({
    title: `New review task: ${p.title}`,
    body: `Case "${p.title}" (${p.receiptNo}) has been assigned to your department for review; please finish by ${p.dueDate}.`,
    sms: `${SMS}New review task ${p.receiptNo}; due ${p.dueDate}.`,
  }),
  letter_assigned: (p) => ({
    title: `A letter to answer: ${p.subject}`,
    body: `Letter "${p.subject}" (${p.number}) has been assigned to your department; please reply by ${p.dueDate}.`,
    sms: `${SMS}Letter ${p.number} assigned to your department; reply by ${p.dueDate}.`,
  }),
  inspection_notice: (p) => ({
    title: `Inspection notice: ${p.department} on ${p.plannedDate}`,
    body:
      `${p.department} has registered an inspection of your enterprise on ${p.plannedDate} (${p.number}), ` +
      `of: ${p.items.join(', ')}. When the inspectors arrive, scan your enterprise code to verify it.`,
    sms: `${SMS}${p.department} will inspect you on ${p.plannedDate} (${p.number}); scan your code to verify.`,
  }),
  complaint_accepted: (p) => ({
    title: `Report accepted: ${p.ticketNo}`,
    body: `Your complaint or report (${p.ticketNo}) is accepted and will be answered by ${p.dueDate}. Track it with the ticket number and check code.`,
    sms: `${SMS}Your report ${p.ticketNo} is accepted; answer by ${p.dueDate}.`,
  }),
  complaint_not_accepted: (p) => ({
    title: `Report not accepted: ${p.ticketNo}`,
    body: `Your complaint or report (${p.ticketNo}) is not accepted, for these reasons:\n${numbered(p.reasons)}`,
    sms: `${SMS}Your report ${p.ticketNo} is not accepted; track it for the reasons.`,
  }),
  complaint_result: (p) => ({
    title: `Result of your report: ${p.ticketNo}`,
    body:
      `Your complaint or report (${p.ticketNo}) is closed. The result:\n${p.reply}\nIf it is not solved you may reopen it within the ` +
      `set period; we welcome your rating.`,
    sms: `${SMS}Your report ${p.ticketNo} is closed; track it for the result and rate it.`,
  }),
  complaint_assigned: (p) => ({
    title: `New ticket to handle: ${p.ticketNo}`,
    body: `The reporting center has assigned ticket ${p.ticketNo} (${p.category}) to your department; please answer by ${p.dueDate}.`,
    sms: `${SMS}New ticket ${p.ticketNo}; answer by ${p.dueDate}.`,
  }),
  hall_code: (p) => ({
    title: 'Your booking code',
    body: `Your code to book at the service hall is ${p.code}, valid for ${p.minutes} minutes. Do not share it.`,
    sms: `${SMS}Your booking code is ${p.code}, valid for ${p.minutes} minutes. Do not share it.`,
  }),
  hall_appointment_booked: (p) => ({
    title: `Appointment booked: ${p.group}`,
    body:
      `You are booked at the service hall (${p.groupEn}) on ${p.day} at ${p.slot}; ` +
      `appointment code ${p.appointmentCode}. Scan or type the code at the kiosk when you arrive to take your ticket.`,
    sms: `${SMS}Booked ${p.day} ${p.slot} (${p.groupEn}), code ${p.appointmentCode}; take your ticket with it on arrival.`,
  }),
  hall_ticket_near: (p) => ({
    title: `Your number is near: ${p.ticketNo}`,
    body: `${p.ahead} people are ahead of your number ${p.ticketNo} (${p.groupEn}); please wait near the windows.`,
    sms: `${SMS}${p.ahead} ahead of your number ${p.ticketNo}; please wait near the windows.`,
  }),
  rating_invitation: (p) => ({
    title: `Please rate: ${p.title}`,
    body:
      `Your application "${p.title}" (${p.receiptNo}) is complete. ` +
      `Please rate our service if you wish (five levels, from very satisfied to very dissatisfied):\n${p.link}`,
    sms: `${SMS}Your application ${p.receiptNo} is complete; rate our service: ${p.link}`,
  }),
  rating_reminder: (p) => ({
    title: `Reminder to rate: ${p.title}`,
    body: `Your application "${p.title}" (${p.receiptNo}) is complete and not yet rated. If you wish, you can rate it here:\n${p.link}`,
    sms: `${SMS}Your application ${p.receiptNo} is not yet rated; rate it: ${p.link}`,
  }),
  password_reset_code: (p) => ({
    title: 'Your password reset code',
    body:
      `A password reset was asked for your OneWindow account. Your code is ${p.code}, valid for ${p.minutes} minutes. If this was not ` +
      `you, ignore this message; do not share the code.`,
    sms: `${SMS}Your password reset code is ${p.code}, valid for ${p.minutes} minutes. If this was not you, ignore it; do not share it.`,
  }),
  password_changed: (p) => ({
    title: 'Your password was changed',
    body:
      `The password of your OneWindow account ${p.username} was reset with a code at ${p.at} (Beijing time), and every other signed-in ` +
      `device was signed out. If this was not you, contact the service center at once.`,
    sms: `${SMS}The password of your account ${p.username} was reset at ${p.at}. If this was not you, contact the service center at once.`,
  }),
};
