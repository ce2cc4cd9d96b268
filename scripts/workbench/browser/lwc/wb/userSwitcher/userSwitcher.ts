import { LightningElement } from 'lwc';

// Container: who the workbench runs the package's Apex as. Signing in as another user reloads
// the page, so every component reads the org again with that user's permissions and sharing.

interface DemoUser {
  id: string;
  name: string;
  title: string;
  role: string;
}

const ROLE_NAMES: Record<string, string> = {
  rep: 'Partner rep',
  manager: 'Partner manager',
  leadership: 'Leadership',
  admin: 'PSMS admin'
};

export default class UserSwitcher extends LightningElement {
  users: DemoUser[] = [];
  current = '';
  error = '';

  override async connectedCallback(): Promise<void> {
    try {
      const response = await fetch('/api/workbench/session');
      const session = (await response.json()) as { user: DemoUser; users: DemoUser[] };
      this.users = session.users;
      this.current = session.user.id;
    } catch {
      this.error = 'Sign-in unavailable';
    }
  }

  get options(): { value: string; label: string; selected: boolean }[] {
    return this.users.map((user) => ({
      value: user.id,
      label: `${user.name} · ${ROLE_NAMES[user.role] ?? user.role}`,
      selected: user.id === this.current
    }));
  }

  async handleChange(event: Event): Promise<void> {
    const userId = (event.target as HTMLSelectElement).value;
    const response = await fetch('/api/workbench/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId })
    });
    if (!response.ok) {
      this.error = ((await response.json()) as { message: string }).message;
      return;
    }
    window.location.reload();
  }
}
