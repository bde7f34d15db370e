import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Session } from '../src/schemas.js';

@customElement('smoke-el')
class SmokeEl extends LitElement {
  @property() name = 'x';
  override render() { return html`<p>${this.name}</p>`; }
}

it('runs TypeScript with decorators and zod in Chromium', async () => {
  const el = document.createElement('smoke-el') as SmokeEl;
  el.name = 'hi';
  document.body.append(el);
  await el.updateComplete;
  expect(el.shadowRoot!.textContent).to.contain('hi');
  expect(Session.safeParse({}).success).to.equal(false);
  expect(crypto.subtle).to.exist;
});
