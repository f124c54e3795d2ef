export interface Toast {
  id: number;
  tone: 'error' | 'success';
  text: string;
}

let next = 0;

/** Short messages about what just happened, shown in a corner for a few seconds. */
class Toasts {
  list = $state<Toast[]>([]);

  show(text: string, tone: Toast['tone'] = 'success'): void {
    const id = (next += 1);
    this.list.push({ id, tone, text });
    setTimeout(() => this.dismiss(id), tone === 'error' ? 8000 : 4000);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
