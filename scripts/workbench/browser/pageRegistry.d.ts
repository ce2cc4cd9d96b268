/** The page list the build generates from the Partner Sales app's tabs (scripts/workbench/build/pageRegistrySource.ts). */
declare module 'wb/pageRegistry' {
  import type { LightningElement } from 'lwc';
  export interface PageComponent {
    name: string;
    load: () => Promise<{ default: typeof LightningElement }>;
  }
  export interface WorkbenchPage {
    id: string;
    /** The org's tab behind the page (shown to users whose permission sets make it visible); null for the Opportunity page. */
    tab: string | null;
    label: string;
    /** A record page: its components get the record id. */
    record: boolean;
    components: PageComponent[];
  }
  export const PAGES: WorkbenchPage[];
  /** The components exposed on one object's record pages, by object API name. */
  export const RECORD_COMPONENTS: Record<string, PageComponent[] | undefined>;
}
