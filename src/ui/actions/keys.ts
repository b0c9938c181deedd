import type { ActionEnv } from '../../state/actions';

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
};

/** How a key is written in tooltips and the shortcut sheet. */
export const keyName = (key: string) => KEY_NAMES[key] ?? key;
export const keysText = (keys: readonly string[]) => keys.map(keyName).join(' / ');

/** The page's side of the actions: its address and clipboard. */
export function actionEnv(): ActionEnv {
  return { location: window.location, clipboard: navigator.clipboard, toggleFullscreen };
}

/** The page in full screen (presentation mode), or back; a refusal (no permission) leaves it as it was. */
function toggleFullscreen(): void {
  const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
  done?.catch(() => undefined);
}

/** Keys with which a focused control works itself: those stay with the control. */
const CONTROL_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ' ',
]);

/**
 * Keys typed into a text field or a menu belong to it; a slider, switch or radio keeps its arrows, Home,
 * End, Page keys and Space; Space and Enter on a button press the button. Other keys ("?", Escape, "b")
 * reach the page's shortcuts from anywhere.
 */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'BUTTON' || target.getAttribute('role') === 'button') return key === ' ' || key === 'Enter';
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range' || type === 'checkbox' || type === 'radio') return CONTROL_KEYS.has(key) || key === 'Enter';
    return key !== 'Escape';
  }
  if (tag === 'SELECT') return true;
  if (tag === 'TEXTAREA' || target.isContentEditable) return key !== 'Escape';
  return false;
}
