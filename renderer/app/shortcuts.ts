// Keyboard shortcuts in one table, so the help panel lists exactly what the app responds to.
export type ShortcutAction = 'lock' | 'help' | 'newRequest' | 'search' | 'meetingMode' | 'today' | 'requests';

export interface Shortcut {
  action: ShortcutAction;
  keys: string;
  description: string;
  matches: (event: KeyboardEvent) => boolean;
}

const ctrl = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

export const shortcuts: Shortcut[] = [
  {
    action: 'lock',
    keys: 'Ctrl+L',
    description: 'Lock the app now',
    matches: (e) => ctrl(e) && !e.shiftKey && e.key.toLowerCase() === 'l',
  },
  {
    action: 'newRequest',
    keys: 'Ctrl+N',
    description: 'Start a new request',
    matches: (e) => ctrl(e) && !e.shiftKey && e.key.toLowerCase() === 'n',
  },
  {
    action: 'search',
    keys: 'Ctrl+F',
    description: 'Search requests',
    matches: (e) => ctrl(e) && !e.shiftKey && e.key.toLowerCase() === 'f',
  },
  {
    action: 'meetingMode',
    keys: 'Ctrl+Shift+M',
    description: 'Switch public-meeting mode on or off',
    matches: (e) => ctrl(e) && e.shiftKey && e.key.toLowerCase() === 'm',
  },
  { action: 'today', keys: 'Ctrl+1', description: 'Go to Today', matches: (e) => ctrl(e) && e.key === '1' },
  { action: 'requests', keys: 'Ctrl+2', description: 'Go to Requests', matches: (e) => ctrl(e) && e.key === '2' },
  { action: 'help', keys: 'F1', description: 'Show help: shortcuts and what the words mean', matches: (e) => e.key === 'F1' },
];

export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  return shortcuts.find((s) => s.matches(event));
}
