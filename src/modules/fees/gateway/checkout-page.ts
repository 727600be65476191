import { yuan } from '../../documents/money-text.js';
import type { FormRow, LineRow } from '../repository.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TEXT = {
  'zh-CN': {
    title: '模拟支付',
    banner: '模拟支付渠道，仅供演示与测试，不产生真实资金往来。',
    form: '缴款书',
    agency: '执收单位',
    payer: '缴款人',
    due: (d: string) => `缴款期限：${d}前`,
    fee: '收费项目',
    quantity: '数量',
    amount: '金额',
    paid: '已缴',
    owed: '应缴余额',
    payAmount: '支付金额（元）',
    pay: '确认支付',
    state: (settled: boolean) => `本缴款书状态：${settled ? '已缴清' : '已作废'}。`,
    badAmount: '金额格式不正确',
    done: '支付成功，收款票据号：',
    accepted: '支付已受理：',
    failed: '支付失败',
    back: '返回我的办件',
    colon: '：',
    gap: '&emsp;',
  },
  en: {
    title: 'Simulated payment',
    banner: 'A simulated payment channel for demonstrations and tests: no real money moves.',
    form: 'Payment form',
    agency: 'Collecting agency',
    payer: 'Payer',
    due: (d: string) => `Pay by: ${d}`,
    fee: 'Fee',
    quantity: 'Quantity',
    amount: 'Amount',
    paid: 'Paid',
    owed: 'Outstanding',
    payAmount: 'Amount to pay (yuan)',
    pay: 'Pay',
    state: (settled: boolean) => `This payment form is ${settled ? 'settled' : 'cancelled'}.`,
    badAmount: 'The amount is not a valid sum of yuan',
    done: 'Paid. Receipt number: ',
    accepted: 'Payment accepted: ',
    failed: 'The payment failed',
    back: 'Back to your application',
    colon: ': ',
    gap: ' · ',
  },
} as const;

/**
 * The simulated gateway's checkout page: what is owed and a button to pay it (any amount, so a demo
 * can show partial and excess payments). Confirming sends the signed notification a real gateway
 * would send; the page then shows the receipt number. In Chinese or English (the fee names and the
 * agency stay as the catalogue has them).
 */
export function checkoutPage(
  f: FormRow,
  lines: LineRow[],
  agency: string,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): string {
  const x = TEXT[lang];
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${esc(l.fee_name)}</td><td>${esc(l.quantity)}</td><td class="n">¥${yuan(l.charged_fen - l.waived_fen)}</td></tr>`,
    )
    .join('');
  const open = f.status === 'open';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${x.title} · ${esc(f.number)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}.n{text-align:right}
.banner{background:#fff4e5;border:1px solid #f0b35e;padding:.5rem .75rem;border-radius:4px}button{font-size:1rem;padding:.5rem 1.5rem}</style></head>
<body><p class="banner">${x.banner}</p>
<h1>${x.form} ${esc(f.number)}</h1>
<p>${x.agency}${x.colon}${esc(agency)}<br>${x.payer}${x.colon}${esc(f.payer_name)}<br>${esc(x.due(f.due_date))}</p>
<table><thead><tr><th>${x.fee}</th><th>${x.quantity}</th><th class="n">${x.amount}</th></tr></thead><tbody>${rows}</tbody></table>
<p>${x.paid}${x.colon}¥${yuan(f.paid_fen)}${x.gap}<strong>${x.owed}${x.colon}¥${yuan(f.outstanding_fen)}</strong></p>
${
  open
    ? `<p><label>${x.payAmount} <input id="amount" value="${yuan(f.outstanding_fen).replace(/,/g, '')}" inputmode="decimal"></label></p>
<p><button id="pay">${x.pay}</button></p>`
    : `<p>${x.state(f.status === 'settled')}</p>`
}
<p id="result" role="status"></p>
<p><a href="/cases/${encodeURIComponent(f.case_id)}">${x.back}</a></p>
<script>
const TEXT = ${JSON.stringify({ badAmount: x.badAmount, done: x.done, accepted: x.accepted, failed: x.failed, lang })};
const btn = document.getElementById('pay');
if (btn) btn.addEventListener('click', async () => {
  const m = /^(\\d+)(?:\\.(\\d{1,2}))?$/.exec(document.getElementById('amount').value.trim());
  const out = document.getElementById('result');
  if (!m) { out.textContent = TEXT.badAmount; return; }
  btn.disabled = true;
  const amountFen = Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
  const r = await fetch(location.pathname + '/confirm', { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json', 'accept-language': TEXT.lang }, body: JSON.stringify({ amountFen }) });
  const body = await r.json();
  out.textContent = r.ok ? (body.receipt ? TEXT.done + body.receipt : TEXT.accepted + body.status) : (body.detail || TEXT.failed);
});
</script></body></html>`;
}
