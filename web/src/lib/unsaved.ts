import { beforeNavigate } from '$app/navigation';

const QUESTION = 'You have unsaved changes. Leave this page and lose them?';

/**
 * Asks before leaving while `dirty()` is true: on links and back/forward inside the app, and
 * through the browser's own prompt on reload or closing the tab. Call during component setup.
 */
export function warnBeforeLeaving(dirty: () => boolean): void {
  beforeNavigate((navigation) => {
    if (!dirty()) return;
    if (navigation.type === 'leave') navigation.cancel();
    else if (!confirm(QUESTION)) navigation.cancel();
  });
}
