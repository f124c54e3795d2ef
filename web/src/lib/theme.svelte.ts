/** Light, dark, or whatever the system prefers (the default). */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'rampart-theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function stored(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/**
 * The colour scheme of the app. app.html applies the stored choice before the first paint;
 * this keeps it applied when the choice or the system setting changes.
 */
class Theme {
  choice = $state<ThemeChoice>(stored());
  #systemDark = $state(media().matches);

  constructor() {
    media().addEventListener('change', (event) => {
      this.#systemDark = event.matches;
      this.#apply();
    });
  }

  get dark(): boolean {
    return this.choice === 'dark' || (this.choice === 'system' && this.#systemDark);
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
    this.#apply();
  }

  #apply(): void {
    document.documentElement.classList.toggle('dark', this.dark);
  }
}

export const theme = new Theme();
