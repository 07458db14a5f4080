// Rendering Preact components into happy-dom for the LIFF component tests, typing into them, and a session.
import { hc } from 'hono/client';
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ApiType } from '../../bot/api.ts';
import type { Session } from '../../liff/src/lib/liff.ts';
import type { Me, Role, SessionValue } from '../../liff/src/lib/session.ts';

export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(node, root));
  return root;
}

/** Lets pending promises (fetches, state updates) settle and Preact re-render. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function find<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T & Element>(selector);
  if (element === null) throw new Error(`no ${selector} in ${document.body.innerHTML.slice(0, 500)}`);
  return element;
}

export function buttonNamed(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) =>
    typeof text === 'string' ? b.textContent?.includes(text) : text.test(b.textContent ?? ''),
  );
  if (button === undefined) throw new Error(`no button "${String(text)}"`);
  return button;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
  await settle();
}

export async function typeInto(
  element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  value: string,
) {
  await act(async () => {
    element.value = value;
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

/**
 * A signed-in session whose API calls go to `fetch`: a citizen of Pathum Thani unless `me` says otherwise. The
 * pages read `api` and `me`; the LIFF SDK object is never touched.
 */
export function sessionFor(
  fetch: typeof globalThis.fetch,
  me: Partial<Me> = {},
  role: Role = 'citizen',
): SessionValue {
  const person: Me = {
    userId: 'U1',
    name: null,
    provinceId: 'pathum-thani',
    provinceName: 'ปทุมธานี',
    isCoordinator: false,
    isOfficer: false,
    staffAgencyIds: [],
    officerAgencyIds: [],
    ...me,
  };
  const session = { idToken: 'tok', mock: true } as unknown as Session;
  const api = hc<ApiType>('http://localhost/api', { fetch });
  return { api, me: person, session, roles: new Set([role]), demoUsers: [] };
}
