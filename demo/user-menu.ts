/** The header's user menu: a disclosure button with a list of actions, closed by Escape or a click outside. */

/** Wires the menu; returns a function that closes it. */
export function setUpUserMenu(button: HTMLButtonElement, menu: HTMLElement): () => void {
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    menu.hidden = !open;
    if (open) menu.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  };
  const close = () => setOpen(false);
  button.addEventListener('click', () => setOpen(menu.hidden));
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      button.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !event.composedPath().some((n) => n === menu || n === button)) close();
  });
  return close;
}
