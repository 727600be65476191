import userEvent from '@testing-library/user-event';

// A person at the keyboard and mouse who does not pause between keys and clicks. userEvent's own
// calls wait for a timer after every key, which under load made typing the slowest part of a
// test. Each call is a fresh session, as userEvent's direct calls are.
const session = () => userEvent.setup({ delay: null });

export const user = {
  click: (element: Element) => session().click(element),
  clear: (element: Element) => session().clear(element),
  type: (element: Element, text: string) => session().type(element, text),
  paste: (text: string) => session().paste(text),
  keyboard: (text: string) => session().keyboard(text),
  upload: (element: HTMLElement, files: File | File[]) => session().upload(element, files),
};

/**
 * Puts text into a field as one paste. Typed key by key, an antd form renders again at every key,
 * which cost seconds per field; what a test checks is the value entered, not the keys.
 */
export async function fill(field: Element, text: string) {
  const s = session();
  await s.click(field);
  await s.paste(text);
}
