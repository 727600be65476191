import { yuan } from '../../documents/money-text.js';
import type { FormRow, LineRow } from '../repository.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The simulated gateway's checkout page: what is owed and a button to pay it (any amount, so a demo
 * can show partial and excess payments). Confirming sends the signed notification a real gateway
 * would send; the page then shows the receipt number.
 */
export function checkoutPage(f: FormRow, lines: LineRow[], agency: string): string {
  const rows = lines.map((l) => `<tr><td>${esc(l.fee_name)}</td><td>${esc(l.quantity)}</td><td class="n">¥${yuan(l.charged_fen - l.waived_fen)}</td></tr>`).join('');
  const open = f.status === 'open';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟支付 · ${esc(f.number)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}.n{text-align:right}
.banner{background:#fff4e5;border:1px solid #f0b35e;padding:.5rem .75rem;border-radius:4px}button{font-size:1rem;padding:.5rem 1.5rem}</style></head>
<body><p class="banner">模拟支付渠道，仅供演示与测试，不产生真实资金往来。</p>
<h1>缴款书 ${esc(f.number)}</h1>
<p>执收单位：${esc(agency)}<br>缴款人：${esc(f.payer_name)}<br>缴款期限：${esc(f.due_date)}前</p>
<table><thead><tr><th>收费项目</th><th>数量</th><th class="n">金额</th></tr></thead><tbody>${rows}</tbody></table>
<p>已缴：¥${yuan(f.paid_fen)}&emsp;<strong>应缴余额：¥${yuan(f.outstanding_fen)}</strong></p>
${open ? `<p><label>支付金额（元）<input id="amount" value="${yuan(f.outstanding_fen).replace(/,/g, '')}" inputmode="decimal"></label></p>
<p><button id="pay">确认支付</button></p>` : `<p>本缴款书状态：${f.status === 'settled' ? '已缴清' : '已作废'}。</p>`}
<p id="result" role="status"></p>
<script>
const btn = document.getElementById('pay');
if (btn) btn.addEventListener('click', async () => {
  const m = /^(\\d+)(?:\\.(\\d{1,2}))?$/.exec(document.getElementById('amount').value.trim());
  const out = document.getElementById('result');
  if (!m) { out.textContent = '金额格式不正确'; return; }
  btn.disabled = true;
  const amountFen = Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
  const r = await fetch(location.pathname + '/confirm', { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amountFen }) });
  const body = await r.json();
  out.textContent = r.ok ? (body.receipt ? '支付成功，收款票据号：' + body.receipt : '支付已受理：' + body.status) : (body.detail || '支付失败');
});
</script></body></html>`;
}
