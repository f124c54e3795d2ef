export interface Toast {
  id: number;
  tone: 'error' | 'success';
  text: string;
  /** A way to take back what just happened, such as Undo. */
  action?: { label: string; run: () => void };
}

let next = 0;

/** Short messages about what just happened, shown in a corner for a few seconds. */
class Toasts {
  list = $state<Toast[]>([]);

  show(text: string, tone: Toast['tone'] = 'success', action?: Toast['action']): void {
    const id = (next += 1);
    this.list.push({ id, tone, text, action });
    // Time to read it, and more to decide to take it back.
    setTimeout(() => this.dismiss(id), tone === 'error' || action ? 10000 : 4000);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
