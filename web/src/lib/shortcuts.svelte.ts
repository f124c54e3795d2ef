/** Whether a key press belongs to what the person is typing, not to a shortcut. */
export function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  // Chromium leaves focus on an input whose dialog has closed; it takes no typing then.
  if (!target || !target.checkVisibility()) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('dialog[open]') !== null
  );
}

/** What `c` creates on the current page; a list page sets it while it is shown. */
class Shortcuts {
  create = $state<(() => void) | null>(null);
  palette = $state(false);
}

export const shortcuts = new Shortcuts();

/** Lets `c` run `create` while the calling component is mounted (call inside $effect). */
export function onCreateShortcut(create: () => void): () => void {
  shortcuts.create = create;
  return () => {
    if (shortcuts.create === create) shortcuts.create = null;
  };
}
