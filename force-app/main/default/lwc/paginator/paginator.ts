// Presentation component: "26–50 of 1,548" with previous/next page buttons for a long list; emits `pagechange` with the new page (0-based).
import { LightningElement, api } from 'lwc';
import { formatLabel, formatNumber } from 'c/displayFormat';
import LABEL_RANGE from '@salesforce/label/c.PSMS_Paginator_Range';
import LABEL_PREVIOUS from '@salesforce/label/c.PSMS_Paginator_Previous';
import LABEL_NEXT from '@salesforce/label/c.PSMS_Paginator_Next';
import LABEL_NAV from '@salesforce/label/c.PSMS_Paginator_Label';

/** The rows of one page, and the page itself kept within the list (a shorter list after a filter). */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): { rows: T[]; page: number } {
  const last = Math.max(0, Math.ceil(rows.length / pageSize) - 1);
  const shown = Math.min(Math.max(0, page), last);
  return { rows: rows.slice(shown * pageSize, shown * pageSize + pageSize), page: shown };
}

export default class Paginator extends LightningElement {
  /** How many rows the list has in all. */
  @api total = 0;
  @api pageSize = 25;
  /** The page shown, 0-based. */
  @api page = 0;
  /** What is paged, for the navigation's accessible name ("findings"). */
  @api listLabel = '';

  readonly labels = { previous: LABEL_PREVIOUS, next: LABEL_NEXT };

  get hasPages(): boolean {
    return this.total > this.pageSize;
  }

  private get lastPage(): number {
    return Math.max(0, Math.ceil(this.total / this.pageSize) - 1);
  }

  private get current(): number {
    return Math.min(Math.max(0, this.page), this.lastPage);
  }

  get range(): string {
    const first = this.total === 0 ? 0 : this.current * this.pageSize + 1;
    const last = Math.min(this.total, (this.current + 1) * this.pageSize);
    return formatLabel(
      LABEL_RANGE,
      formatNumber(first, 0),
      formatNumber(last, 0),
      formatNumber(this.total, 0)
    );
  }

  get navLabel(): string {
    return formatLabel(LABEL_NAV, this.listLabel);
  }

  get previousDisabled(): boolean {
    return this.current === 0;
  }

  get nextDisabled(): boolean {
    return this.current >= this.lastPage;
  }

  handlePrevious(): void {
    this.go(this.current - 1);
  }

  handleNext(): void {
    this.go(this.current + 1);
  }

  private go(page: number): void {
    this.dispatchEvent(new CustomEvent('pagechange', { detail: { page } }));
  }
}
