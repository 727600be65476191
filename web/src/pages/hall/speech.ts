import type { Call } from '../../api/hall';

/** The announcement of a call, read out digit by digit: "请 A 0 1 2 号到 E01 窗口办理". */
export function announcement(call: Call, lang: string): string {
  const spaced = call.number.split('').join(' ');
  if (lang.startsWith('en')) return `Number ${spaced}, please go to ${call.windowEn ?? call.window ?? ''}.`;
  return `请 ${spaced} 号到 ${call.window ?? ''} 办理`;
}

/** Speaks through the browser's speech synthesis, where there is one (not in every kiosk browser). */
export function speak(text: string, lang: string): boolean {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return false;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang.startsWith('en') ? 'en-US' : 'zh-CN';
  synth.speak(u);
  return true;
}
