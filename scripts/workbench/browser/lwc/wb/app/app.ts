import { LightningElement } from 'lwc';
import { PAGES, type WorkbenchPage } from 'wb/pageRegistry';
import { callApex } from '../../../apexTransport';
import { TOAST_EVENT, type ToastDetail } from '../../../shims/platformShowToastEvent';
import { hashFor, parseHash, type Route } from '../../../workbenchRoutes';

// Container: the workbench's app shell. It routes on the URL hash, loads each page's PSMS
// components (compiled from force-app) as dynamic components, and shows their toasts.

interface LoadedComponent {
  key: string;
  /** The component's name (`partnerForecast`), on its container for tests and styling. */
  name: string;
  ctor: unknown;
}
interface Toast {
  id: number;
  title: string;
  message: string;
  className: string;
  variant: string;
}
interface OpportunityRow {
  Id: string;
  Name?: string;
  href: string;
}

const TOAST_CLASSES: Record<string, string> = {
  success: 'slds-notify slds-notify_toast slds-theme_success',
  error: 'slds-notify slds-notify_toast slds-theme_error',
  warning: 'slds-notify slds-notify_toast slds-theme_warning',
  info: 'slds-notify slds-notify_toast slds-theme_info'
};

export default class App extends LightningElement {
  route: Route = parseHash(window.location.hash);
  components: LoadedComponent[] = [];
  toasts: Toast[] = [];
  opportunities: OpportunityRow[] = [];
  loadError = '';
  /** The page is a tab the signed-in user's permission sets do not show. */
  hiddenTab = '';
  /** The tabs the signed-in user sees, as the org answers; null until the session is read. */
  private visibleTabs: Set<string> | null = null;
  private nextToastId = 1;
  private loading = 0;

  private readonly onHashChange = () => this.navigate(parseHash(window.location.hash));
  private readonly onToast = (event: Event) => this.showToast((event as CustomEvent<ToastDetail>).detail);

  override async connectedCallback(): Promise<void> {
    window.addEventListener('hashchange', this.onHashChange);
    this.addEventListener(TOAST_EVENT, this.onToast);
    try {
      const session = (await (await fetch('/api/workbench/session')).json()) as { tabs: string[] };
      this.visibleTabs = new Set(session.tabs);
    } catch {
      this.loadError = 'The workbench could not read who is signed in.';
      return;
    }
    if (!this.route.page) {
      // The app opens on its first tab the user sees, as Lightning does.
      const first = this.visiblePages.find((p) => !p.record);
      window.location.replace(hashFor({ page: first?.id ?? 'opportunity' }));
    } else void this.navigate(this.route);
  }

  /** The pages whose tab the signed-in user sees (the Opportunity page has no tab of its own). */
  private get visiblePages(): WorkbenchPage[] {
    const visible = this.visibleTabs;
    return visible ? PAGES.filter((page) => page.tab === null || visible.has(page.tab)) : [];
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    this.removeEventListener(TOAST_EVENT, this.onToast);
  }

  get tabs() {
    return [{ id: 'opportunity', label: 'Opportunity' }, ...this.visiblePages.filter((p) => !p.record)].map(
      (page) => ({
        id: page.id,
        label: page.label,
        href: hashFor({ page: page.id }),
        className: `slds-context-bar__item${page.id === this.route.page ? ' slds-is-active' : ''}`
      })
    );
  }

  get page(): WorkbenchPage | undefined {
    return this.route.page === 'opportunity'
      ? PAGES.find((p) => p.record)
      : PAGES.find((p) => p.id === this.route.page);
  }

  get isOpportunityPicker(): boolean {
    return this.route.page === 'opportunity' && !this.route.recordId;
  }

  /** A record's page: the Opportunity route and every other record link. */
  get isAnyRecord(): boolean {
    return (this.route.page === 'record' || this.route.page === 'opportunity') && !!this.route.recordId;
  }

  get recordId(): string | undefined {
    return this.route.recordId;
  }

  get pageTitle(): string {
    return this.route.page === 'record' ? 'Record' : (this.page?.label ?? 'Page not found');
  }

  get hasToasts(): boolean {
    return this.toasts.length > 0;
  }

  private async navigate(route: Route): Promise<void> {
    this.route = route;
    this.components = [];
    this.loadError = '';
    this.hiddenTab = '';
    const ticket = ++this.loading;
    try {
      if (this.isOpportunityPicker) await this.searchOpportunities('');
      const page = this.page;
      if (page?.tab && !this.visiblePages.includes(page)) {
        this.hiddenTab = `The ${page.label} tab is not available to you: none of your permission sets shows it.`;
        return;
      }
      // A record page (wb-record-page) loads the components exposed on its object itself.
      if (!page || route.page === 'record' || route.page === 'opportunity') return;
      const loaded = await Promise.all(
        page.components.map(async (c) => ({
          key: `${route.page}-${route.recordId ?? ''}-${c.name}`,
          name: c.name,
          ctor: (await c.load()).default
        }))
      );
      if (ticket === this.loading) this.components = loaded;
    } catch (error) {
      this.loadError = (error as { body?: { message?: string } }).body?.message ?? String(error);
    }
  }

  handleSearch(event: Event): void {
    void this.searchOpportunities((event.target as HTMLInputElement).value ?? '');
  }

  private async searchOpportunities(term: string): Promise<void> {
    const rows = (await callApex('workbench/opportunities', { term })) as { Id: string; Name?: string }[];
    this.opportunities = rows.map((row) => ({
      ...row,
      href: hashFor({ page: 'opportunity', recordId: row.Id })
    }));
  }

  private showToast(detail: ToastDetail): void {
    const data = detail.messageData ?? [];
    const message = (detail.message ?? '').replace(/\{(\d+)\}/g, (whole, index: string) => {
      const item = data[Number(index)];
      return item === undefined
        ? whole
        : typeof item === 'object' && item !== null && 'label' in item
          ? String(item.label)
          : String(item);
    });
    const variant = detail.variant ?? 'info';
    const toast = {
      id: this.nextToastId++,
      title: detail.title ?? '',
      message,
      variant,
      className: TOAST_CLASSES[variant] ?? TOAST_CLASSES.info
    };
    this.toasts = [...this.toasts, toast];
    if (detail.mode !== 'sticky') setTimeout(() => this.dismiss(toast.id), variant === 'error' ? 8000 : 4000);
  }

  handleDismiss(event: Event): void {
    this.dismiss(Number((event.currentTarget as HTMLElement).dataset.id));
  }

  private dismiss(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
  }
}
