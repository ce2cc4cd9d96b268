/** The page list the build generates from force-app's components (scripts/workbench/build/pageRegistrySource.ts). */
declare module 'wb/pageRegistry' {
  import type { LightningElement } from 'lwc';
  export interface PageComponent {
    name: string;
    load: () => Promise<{ default: typeof LightningElement }>;
  }
  export interface WorkbenchPage {
    id: string;
    label: string;
    /** A record page: its components get the record id. */
    record: boolean;
    components: PageComponent[];
  }
  export const PAGES: WorkbenchPage[];
  /** The components exposed on one object's record pages, by object API name. */
  export const RECORD_COMPONENTS: Record<string, PageComponent[] | undefined>;
}
