// Container component: pipeline hygiene % by owner and by partner (with the unreliable flag) and every finding, filterable by owner, partner, rule and severity, paged, linked to its record; at scale the figures come from the org's summary and the deals a page at a time (hygieneAtScale).
import { LightningElement, wire } from 'lwc';
import getHygieneInputs from '@salesforce/apex/PipelineHygieneController.getHygieneInputs';
import getHygienePage from '@salesforce/apex/PipelineHygieneController.getHygienePage';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import {
  DEFAULT_SETTINGS,
  evaluateHygiene,
  indexPartnerDeals,
  type HygieneFinding,
  type HygieneReport,
  type PsmsSettings
} from 'c/psmsEngine';
import { RULE_LABELS, SEVERITY_LABELS, SEVERITY_RANK } from 'c/hygieneLabels';
import { formatLabel, formatNumber, formatPercent } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
import { summaryFindingCount, summaryGroups, summaryReport } from './hygieneAtScale';
import LABEL_TITLE from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Title';
import LABEL_BY_OWNER from '@salesforce/label/c.PSMS_PipelineHygieneBoard_By_Owner';
import LABEL_BY_PARTNER from '@salesforce/label/c.PSMS_PipelineHygieneBoard_By_Partner';
import LABEL_GROUP from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Group';
import LABEL_OPEN from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Open';
import LABEL_CLEAN from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Clean';
import LABEL_PERCENT from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Percent';
import LABEL_RELIABILITY from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Reliability';
import LABEL_RELIABLE from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Reliable';
import LABEL_UNRELIABLE_SHORT from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Unreliable';
import LABEL_OVERALL from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Overall';
import LABEL_FINDINGS from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Findings';
import LABEL_RULE from '@salesforce/label/c.PSMS_FindingList_Rule';
import LABEL_SEVERITY from '@salesforce/label/c.PSMS_FindingList_Severity';
import LABEL_OWNER from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Owner';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Partner';
import LABEL_ALL from '@salesforce/label/c.PSMS_PipelineHygieneBoard_All';
import LABEL_NO_PARTNER from '@salesforce/label/c.PSMS_PipelineHygieneBoard_No_Partner';
import LABEL_UNRELIABLE from '@salesforce/label/c.PSMS_Label_Unreliable_Forecast';
import LABEL_SCOPE from '@salesforce/label/c.PSMS_Scope_Label';
import LABEL_SCOPE_MINE from '@salesforce/label/c.PSMS_Scope_Mine';
import LABEL_SCOPE_TEAM from '@salesforce/label/c.PSMS_Scope_Team';
import LABEL_SCOPE_ALL from '@salesforce/label/c.PSMS_Scope_All';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';
import LABEL_FINDING_COUNT from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Finding_Count';
import LABEL_LISTED from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Listed';
import LABEL_LOAD_MORE from '@salesforce/label/c.PSMS_PipelineHygieneBoard_Load_More';

type Filter = 'rule' | 'severity' | 'owner' | 'partner';
type GroupKey = 'owner' | 'partner';
const ALL = '';
/** Findings per page: a board of 1,500 findings shows them 25 at a time. */
const FINDINGS_PER_PAGE = 25;
const GROUPS_PER_PAGE = 10;

interface Fact {
  owner: string;
  partner: string;
}

/** The deals' report and what slices it. */
interface Evaluated {
  report: HygieneReport | null;
  facts: Map<string, Fact>;
  names: Record<string, string>;
}

// A render reads the board's figures from a dozen getters, each of which evaluated every deal (or
// at scale summed every summary row) again: each value is made once for what it is made from and
// kept beside the component, not in its fields (a field written while rendering would render
// again). The inputs, pages, settings and filters are replaced, never changed, so identity says
// when to make it again.
const keptValues = new WeakMap<object, Map<string, { from: readonly unknown[]; value: unknown }>>();
function kept<T>(owner: object, name: string, from: readonly unknown[], make: () => T): T {
  let values = keptValues.get(owner);
  if (values === undefined) {
    values = new Map();
    keptValues.set(owner, values);
  }
  const known = values.get(name);
  if (known !== undefined && known.from.every((value, i) => value === from[i])) {
    return known.value as T;
  }
  const value = make();
  values.set(name, { from, value });
  return value;
}

export default class PipelineHygieneBoard extends LightningElement {
  /** The scope asked for; null until the user picks one (the server then answers with the user's default). */
  scope: Psms.Scope | null = null;
  inputs: Psms.HygieneResponse | undefined;
  error: unknown;
  settings: PsmsSettings = DEFAULT_SETTINGS;
  filters: Record<Filter, string> = { rule: ALL, severity: ALL, owner: ALL, partner: ALL };
  findingPage = 0;
  groupPages: Record<GroupKey, number> = { owner: 0, partner: 0 };
  /** At scale: the pages of open deals loaded so far (keyset by id), and the last id read. */
  pages: Psms.HygieneResponse[] = [];
  lastId: string | null = null;
  hasMorePages = false;
  loadingPage = false;

  readonly labels = {
    title: LABEL_TITLE,
    group: LABEL_GROUP,
    open: LABEL_OPEN,
    clean: LABEL_CLEAN,
    percent: LABEL_PERCENT,
    reliability: LABEL_RELIABILITY,
    findings: LABEL_FINDINGS,
    rule: LABEL_RULE,
    severity: LABEL_SEVERITY,
    owner: LABEL_OWNER,
    partner: LABEL_PARTNER,
    scope: LABEL_SCOPE,
    loading: LABEL_LOADING,
    loadMore: LABEL_LOAD_MORE
  };
  readonly scopeOptions = [
    { label: LABEL_SCOPE_MINE, value: 'mine' },
    { label: LABEL_SCOPE_TEAM, value: 'team' },
    { label: LABEL_SCOPE_ALL, value: 'all' }
  ];

  @wire(getHygieneInputs, { scope: '$scope' })
  wiredInputs({ data, error }: Psms.Wired<Psms.HygieneResponse>): void {
    this.inputs = data;
    this.error = error;
    if (data?.aggregated) {
      this.loadPages(true);
    }
  }

  /** At scale: the first page of deals for the scope and the owner and partner filters, or the next one. */
  private async loadPages(first: boolean): Promise<void> {
    if (first) {
      this.pages = [];
      this.lastId = null;
    }
    this.loadingPage = true;
    try {
      const page = await getHygienePage({
        scope: this.scopeValue,
        ownerId: this.filters.owner || null,
        partnerId: this.filters.partner || null,
        afterId: this.lastId
      });
      this.pages = [...this.pages, page];
      const last = page.opportunities[page.opportunities.length - 1];
      this.lastId = last?.Id ?? this.lastId;
      this.hasMorePages = last !== undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loadingPage = false;
    }
  }

  get aggregated(): boolean {
    return this.inputs?.aggregated === true;
  }

  /** The deals the findings list evaluates: the scope's, or at scale the pages loaded. */
  private get records(): Pick<Psms.HygieneResponse, 'opportunities' | 'partnerDeals' | 'registrations'> {
    if (!this.aggregated) {
      return this.inputs ?? { opportunities: [], partnerDeals: [], registrations: [] };
    }
    return {
      opportunities: this.pages.flatMap((page) => page.opportunities),
      partnerDeals: this.pages.flatMap((page) => page.partnerDeals),
      registrations: this.pages.flatMap((page) => page.registrations)
    };
  }

  get canLoadMore(): boolean {
    return this.aggregated && this.hasMorePages && !this.loadingPage;
  }

  handleLoadMore(): void {
    this.loadPages(false);
  }

  @wire(getSettings)
  wiredSettings({ data }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.settings = data;
    }
  }

  get isLoading(): boolean {
    return this.inputs === undefined && this.error === undefined;
  }

  /** The report of the deals read (the scope's, or at scale the pages loaded) and what slices it. */
  private get evaluated(): Evaluated {
    const { inputs, pages, settings } = this;
    return kept(this, 'evaluated', [inputs, pages, settings], () => this.evaluate());
  }

  private evaluate(): Evaluated {
    const { inputs, settings } = this;
    const records = this.records;
    const index = indexPartnerDeals(records.partnerDeals);
    // Per opportunity evaluated: its owner and primary partner, so findings and groups can be sliced.
    const facts = new Map<string, Fact>();
    const names: Record<string, string> = {};
    for (const opp of records.opportunities) {
      facts.set(opp.Id, {
        owner: opp.OwnerId ?? '',
        partner: index.get(opp.Id)?.primary?.Partner_Account__c ?? ''
      });
    }
    for (const record of [...(inputs?.users ?? []), ...(inputs?.partners ?? []), ...records.opportunities]) {
      names[record.Id] = record.Name ?? record.Id;
    }
    const report = inputs
      ? evaluateHygiene({
          today: inputs.today,
          opportunities: records.opportunities,
          partners: index,
          registrations: records.registrations,
          accounts: inputs.partners,
          plans: inputs.plans,
          settings
        })
      : null;
    return { report, facts, names };
  }

  private get report(): HygieneReport | null {
    return this.evaluated.report;
  }

  private get facts(): Map<string, Fact> {
    return this.evaluated.facts;
  }

  private get names(): Record<string, string> {
    return this.evaluated.names;
  }

  get recordNames(): Record<string, string> {
    return this.names;
  }

  /** At scale, the board's figures (overall, rules, groups) from the summary, exact; null below it. */
  private get summarised() {
    const { inputs, settings } = this;
    return kept(this, 'summarised', [inputs, settings], () => {
      if (inputs?.aggregated !== true) {
        return null;
      }
      return { report: summaryReport(inputs, settings), groups: summaryGroups(inputs, settings) };
    });
  }

  private get summary() {
    return this.summarised?.report ?? null;
  }

  get overall(): string {
    const percent = this.summary ? this.summary.hygienePercent : (this.report?.hygienePercent ?? null);
    return formatLabel(LABEL_OVERALL, formatPercent(percent));
  }

  get unreliable(): boolean {
    return (this.summary ?? this.report)?.unreliable === true;
  }

  get unreliableText(): string {
    return formatLabel(LABEL_UNRELIABLE, Math.round(this.settings.unreliableBelowPercent * 100));
  }

  /** Hygiene % per owner and per partner: clean open opportunities ÷ open opportunities (SPEC §5). */
  get groupTables() {
    const report = this.report;
    if (!report) {
      return [];
    }
    const dirty = new Set(report.findings.map((finding) => finding.recordId));
    const facts = this.facts;
    const names = this.names;
    const summarised = this.summarised?.groups ?? null;
    const table = (title: string, key: GroupKey) => {
      const groups = summarised ? summarised[key] : new Map<string, { open: number; clean: number }>();
      for (const score of summarised ? [] : report.scores) {
        const fact = facts.get(score.recordId);
        if (!fact) {
          continue; // a partner account's PLAN_OUTDATED score, not an opportunity
        }
        const group = groups.get(fact[key]) ?? { open: 0, clean: 0 };
        group.open++;
        group.clean += dirty.has(score.recordId) ? 0 : 1;
        groups.set(fact[key], group);
      }
      const rows = [...groups.entries()].map(([id, group]) => {
        const percent = group.clean / group.open;
        const unreliable = percent < this.settings.unreliableBelowPercent;
        return {
          key: `${key}-${id}`,
          label: id === '' ? LABEL_NO_PARTNER : (names[id] ?? id),
          open: group.open,
          clean: group.clean,
          percent: formatPercent(percent),
          // The flag is written out with an icon: colour is never the only signal.
          // A short word per row; the sentence with the threshold is its tooltip and the banner's.
          flag: unreliable ? LABEL_UNRELIABLE_SHORT : LABEL_RELIABLE,
          flagTitle: unreliable ? this.unreliableText : LABEL_RELIABLE,
          icon: unreliable ? 'utility:warning' : 'utility:success'
        };
      });
      rows.sort((a, b) => a.label.localeCompare(b.label));
      const page = pageOf(rows, this.groupPages[key], GROUPS_PER_PAGE);
      return { key, title, rows: page.rows, count: rows.length, page: page.page, perPage: GROUPS_PER_PAGE };
    };
    return [table(LABEL_BY_OWNER, 'owner'), table(LABEL_BY_PARTNER, 'partner')];
  }

  private options(values: Iterable<string>, label: (value: string) => string, sorted = true) {
    const choices = [...new Set(values)].map((value) => ({ label: label(value), value }));
    if (sorted) {
      choices.sort((a, b) => a.label.localeCompare(b.label));
    }
    return [{ label: LABEL_ALL, value: ALL }, ...choices];
  }

  get ruleOptions() {
    const summarised = (this.summary?.counts ?? []).map((count) => count.rule);
    return this.options(
      [...summarised, ...(this.report?.findings ?? []).map((finding) => finding.rule)],
      (rule) => RULE_LABELS[rule as HygieneFinding['rule']] ?? rule
    );
  }

  get severityOptions() {
    return this.options(
      ['high', 'medium', 'low'],
      (severity) => SEVERITY_LABELS[severity as HygieneFinding['severity']],
      false
    );
  }

  /** The owners and partners to filter by: of the deals, or at scale of the summary's groups. */
  private groupKeys(key: GroupKey): string[] {
    const summarised = this.summarised?.groups ?? null;
    const keys = summarised ? [...summarised[key].keys()] : [...this.facts.values()].map((fact) => fact[key]);
    return keys.filter((value) => value !== '');
  }

  get ownerOptions() {
    return this.options(this.groupKeys('owner'), (id) => this.names[id] ?? id);
  }

  get partnerOptions() {
    return this.options(this.groupKeys('partner'), (id) => this.names[id] ?? id);
  }

  /** Every finding the filters keep, in the list's order. */
  private get filteredFindings(): HygieneFinding[] {
    const { evaluated, filters } = this;
    return kept(this, 'filtered', [evaluated, filters], () => filtered(evaluated, filters));
  }

  /** The page of findings shown. */
  get findings(): HygieneFinding[] {
    return pageOf(this.filteredFindings, this.findingPage, FINDINGS_PER_PAGE).rows;
  }

  /** The findings listed (at scale, those of the deals loaded so far). */
  get listedCount(): number {
    return this.filteredFindings.length;
  }

  /** Every finding the filters keep: at scale counted by the summary, not by the list. */
  get findingCount(): number {
    const data = this.inputs;
    if (!data || !this.aggregated) {
      return this.listedCount;
    }
    const facts = this.facts;
    const accountFindings = (this.report?.findings ?? []).filter((finding) => !facts.has(finding.recordId));
    const counted = summaryFindingCount(
      data,
      this.pages[0]?.summaries,
      this.settings,
      this.filters,
      accountFindings
    );
    return counted ?? this.listedCount;
  }

  get findingCountText(): string {
    const count = formatLabel(LABEL_FINDING_COUNT, formatNumber(this.findingCount, 0));
    if (!this.aggregated) {
      return count;
    }
    return `${count} · ${formatLabel(LABEL_LISTED, formatNumber(this.listedCount, 0), formatNumber(this.records.opportunities.length, 0))}`;
  }

  get findingsPerPage(): number {
    return FINDINGS_PER_PAGE;
  }

  get shownFindingPage(): number {
    return pageOf(this.filteredFindings, this.findingPage, FINDINGS_PER_PAGE).page;
  }

  handleFindingPage(event: CustomEvent<{ page: number }>): void {
    this.findingPage = event.detail.page;
  }

  handleGroupPage(event: CustomEvent<{ page: number }>): void {
    const key = (event.target as HTMLElement).dataset.table as GroupKey;
    this.groupPages = { ...this.groupPages, [key]: event.detail.page };
  }

  /** The scope shown and paged: the one picked, else the one answered (the user's default). */
  get scopeValue(): Psms.Scope {
    return this.scope ?? this.inputs?.scope ?? 'team';
  }

  handleScope(event: CustomEvent<{ value: Psms.Scope }>): void {
    this.scope = event.detail.value;
    this.findingPage = 0;
    this.groupPages = { owner: 0, partner: 0 };
    this.pages = [];
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    const filter = (event.target as HTMLElement).dataset.filter as Filter;
    this.filters = { ...this.filters, [filter]: event.detail.value };
    this.findingPage = 0;
    // At scale an owner or partner is filtered in the query: the pages start over.
    if (this.aggregated && (filter === 'owner' || filter === 'partner')) {
      this.loadPages(true);
    }
  }
}

/** Every finding the filters keep, highest severity first (then by record, so pages are stable). */
function filtered({ report, facts, names }: Evaluated, filters: Record<Filter, string>): HygieneFinding[] {
  const { rule, severity, owner, partner } = filters;
  const shown = (report?.findings ?? []).filter((finding) => {
    const fact = facts.get(finding.recordId);
    // Account findings (PLAN_OUTDATED) belong to the partner itself.
    const findingPartner = fact ? fact.partner : finding.recordId;
    return (
      (rule === ALL || finding.rule === rule) &&
      (severity === ALL || finding.severity === severity) &&
      (owner === ALL || fact?.owner === owner) &&
      (partner === ALL || findingPartner === partner)
    );
  });
  return shown.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (names[a.recordId] ?? '').localeCompare(names[b.recordId] ?? '') ||
      a.recordId.localeCompare(b.recordId)
  );
}
