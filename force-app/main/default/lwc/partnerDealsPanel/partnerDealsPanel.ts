// Container component: the partners on an opportunity — add one, flag co-sell, register the deal with a live conflict preview.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import getDealPartners from '@salesforce/apex/PartnerDealsController.getDealPartners';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import searchPartners from '@salesforce/apex/PartnerDealsController.searchPartners';
import addPartnerDeal from '@salesforce/apex/PartnerDealsController.addPartnerDeal';
import setCoSell from '@salesforce/apex/PartnerDealsController.setCoSell';
import getConflictCandidates from '@salesforce/apex/PartnerDealsController.getConflictCandidates';
import submitRegistrationOp from '@salesforce/apex/PartnerDealsController.submitRegistration';
import raiseDispute from '@salesforce/apex/RegistrationDeskController.raiseDispute';
import { DEFAULT_SETTINGS, registrationKey, submitRegistration, type PsmsSettings } from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import { outcomeOf, type Outcome } from './registrationOutcome';
import LABEL_TITLE from '@salesforce/label/c.PSMS_PartnerDealsPanel_Title';
import LABEL_ADD_PARTNER from '@salesforce/label/c.PSMS_PartnerDealsPanel_Add_Partner';
import LABEL_REGISTER from '@salesforce/label/c.PSMS_PartnerDealsPanel_Register';
import LABEL_REGISTRATIONS from '@salesforce/label/c.PSMS_PartnerDealsPanel_Registrations';
import LABEL_PARTNER_ADDED from '@salesforce/label/c.PSMS_PartnerDealsPanel_Partner_Added';
import LABEL_PARTNER_ADDED_DETAIL from '@salesforce/label/c.PSMS_PartnerDealsPanel_Partner_Added_Detail';
import LABEL_DISPUTE_RAISED from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Raised';
import LABEL_DISPUTE_RAISED_TITLE from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Raised_Title';
import LABEL_PREVIEW from '@salesforce/label/c.PSMS_PartnerDealsPanel_Preview';
import LABEL_VERDICT from '@salesforce/label/c.PSMS_PartnerDealsPanel_Verdict';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';
import LABEL_NO_RECORDS from '@salesforce/label/c.PSMS_Label_No_Records';

type RegistrationFields = Psms.RegistrationRequest['registration'];
type Field = keyof RegistrationFields;

/** The registration's product line: its picklist values come from the field itself. */
const PRODUCT_LINE_FIELD = 'Deal_Registration__c.Product_Line__c';

export default class PartnerDealsPanel extends LightningElement {
  @api recordId: string | undefined;

  deal: Psms.DealResponse | undefined;
  loadError: unknown;
  actionError: unknown;
  settings: PsmsSettings = DEFAULT_SETTINGS;
  partnerOptions: { label: string; value: string }[] = [];
  /** The registration being written; null until the deal has loaded and prefilled it. */
  draft: RegistrationFields | null = null;
  candidates: Psms.ConflictCandidatesResponse | undefined;
  verdict: Outcome | undefined;
  /** Disputes raised here since the deal was read (until the server lists them too). */
  raised: Psms.Dispute[] = [];
  registrationRecordTypeId: string | undefined;
  productLineOptions: { label: string; value: string }[] = [];
  busy = false;
  private dealResult: Psms.Wired<Psms.DealResponse> | undefined;

  readonly labels = {
    title: LABEL_TITLE,
    addPartner: LABEL_ADD_PARTNER,
    register: LABEL_REGISTER,
    registrations: LABEL_REGISTRATIONS,
    preview: LABEL_PREVIEW,
    verdict: LABEL_VERDICT,
    loading: LABEL_LOADING,
    noRecords: LABEL_NO_RECORDS
  };

  @wire(getDealPartners, { opportunityId: '$recordId' })
  wiredDeal(result: Psms.Wired<Psms.DealResponse>): void {
    this.dealResult = result;
    this.deal = result.data;
    this.loadError = result.error;
    if (result.data && this.draft === null) {
      this.draft = this.prefill(result.data);
    }
  }

  @wire(getSettings)
  wiredSettings({ data }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.settings = data;
    }
  }

  @wire(getObjectInfo, { objectApiName: 'Deal_Registration__c' })
  wiredRegistrationInfo({ data }: { data?: { defaultRecordTypeId: string } }): void {
    this.registrationRecordTypeId = data?.defaultRecordTypeId;
  }

  @wire(getPicklistValues, { recordTypeId: '$registrationRecordTypeId', fieldApiName: PRODUCT_LINE_FIELD })
  wiredProductLines({ data }: { data?: { values: { label: string; value: string }[] } }): void {
    this.productLineOptions = (data?.values ?? []).map(({ label, value }) => ({ label, value }));
  }

  // The engine's preview needs only the records that can conflict with this key: the server finds them.
  @wire(getConflictCandidates, {
    normalizedKey: '$draftKey',
    endCustomerAccountId: '$draftAccountId',
    productLine: '$draftProductLine'
  })
  wiredCandidates({ data }: Psms.Wired<Psms.ConflictCandidatesResponse>): void {
    this.candidates = data;
  }

  get isLoading(): boolean {
    return this.deal === undefined && this.loadError === undefined;
  }

  get partnerDeals(): Psms.PartnerDeal[] {
    return this.deal?.partnerDeals ?? [];
  }

  /** The partners already on this deal: who may register it. */
  get dealPartnerOptions(): { label: string; value: string }[] {
    return this.partnerDeals.map((deal) => ({
      label: deal.Partner_Account__r?.Name ?? deal.Partner_Account__c,
      value: deal.Partner_Account__c
    }));
  }

  get registrations(): Psms.Registration[] {
    return this.deal?.registrations ?? [];
  }

  /** The server's disputes of these registrations, and any raised here since it was read. */
  get disputes(): Psms.Dispute[] {
    const listed = this.deal?.disputes ?? [];
    const known = new Set(listed.map((dispute) => dispute.Id));
    return [...listed, ...this.raised.filter((dispute) => !known.has(dispute.Id))];
  }

  get today(): string {
    return this.deal?.today ?? '';
  }

  get draftKey(): string | undefined {
    return this.draft ? (registrationKey(this.draft) ?? undefined) : undefined;
  }

  get draftAccountId(): string | null | undefined {
    return this.draft ? this.draft.End_Customer_Account__c : undefined;
  }

  get draftProductLine(): string | null | undefined {
    return this.draft ? this.draft.Product_Line__c : undefined;
  }

  /** The engine's verdict on the draft against what the server found, before anything is saved. */
  get preview(): Outcome | undefined {
    if (!this.draft || !this.draft.Partner_Account__c || this.candidates === undefined || !this.deal) {
      return undefined;
    }
    const result = submitRegistration(
      { ...this.draft, Status__c: 'Draft' },
      this.candidates,
      this.deal.today
    );
    if (!result.ok) {
      return undefined;
    }
    const found = result.registration;
    const holder = this.candidates.registrations.find((r) => r.Id === found.Conflicting_Registration__c);
    const opportunity = this.candidates.opportunities.find((o) => o.Id === found.Conflicting_Opportunity__c);
    return outcomeOf(
      {
        ...found,
        Conflicting_Registration__r: holder ? { Name: holder.Name } : null,
        Conflicting_Opportunity__r: opportunity ? { Name: opportunity.Name } : null
      },
      this.settings
    );
  }

  /** The live preview, then the server's verdict on the last submission, each as an SLDS box. */
  get notices() {
    const shown: { id: string; heading: string; outcome: Outcome | undefined }[] = [
      { id: 'preview', heading: this.labels.preview, outcome: this.preview },
      { id: 'verdict', heading: this.labels.verdict, outcome: this.verdict }
    ];
    return shown
      .filter((notice): notice is { id: string; heading: string; outcome: Outcome } => !!notice.outcome)
      .map(({ id, heading, outcome }) => ({
        id,
        heading,
        message: outcome.message,
        link: outcome.link,
        boxClass: `slds-box slds-box_x-small slds-m-top_x-small slds-theme_${outcome.variant}`
      }));
  }

  private prefill(deal: Psms.DealResponse): RegistrationFields {
    const opp = deal.opportunity;
    const primary =
      deal.partnerDeals.find((partnerDeal) => partnerDeal.Is_Primary__c === true) ?? deal.partnerDeals[0];
    return {
      Partner_Account__c: primary?.Partner_Account__c ?? '',
      End_Customer_Account__c: opp.AccountId ?? null,
      End_Customer_Name__c: opp.Account?.Name ?? null,
      End_Customer_Domain__c: null,
      Product_Line__c: opp.Product_Line__c ?? null,
      Estimated_Amount__c: opp.Amount ?? null,
      Expected_Close_Date__c: opp.CloseDate,
      Opportunity__c: opp.Id
    };
  }

  handleDraftChange(event: CustomEvent<{ field: Field; value: string | number | null }>): void {
    if (this.draft) {
      this.draft = { ...this.draft, [event.detail.field]: event.detail.value };
      this.verdict = undefined;
    }
  }

  async handleSearch(event: CustomEvent<{ term: string }>): Promise<void> {
    try {
      const accounts = await searchPartners({ term: event.detail.term });
      this.partnerOptions = accounts.map((account) => ({
        label: account.Name ?? account.Id,
        value: account.Id
      }));
    } catch (error) {
      this.actionError = error;
    }
  }

  async handleAdd(event: CustomEvent<Omit<Psms.AddPartnerRequest, 'opportunityId'>>): Promise<void> {
    const partner = this.partnerOptions.find((option) => option.value === event.detail.partnerAccountId);
    await this.run(async () => {
      const added = await addPartnerDeal({ ...event.detail, opportunityId: this.recordId ?? '' });
      // Emptied only once the server kept it: a refused one stays on screen to be corrected.
      this.child<{ reset(): void }>('c-add-partner-form')?.reset();
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABEL_PARTNER_ADDED,
          message: formatLabel(
            LABEL_PARTNER_ADDED_DETAIL,
            added.Partner_Account__r?.Name ?? partner?.label ?? '',
            added.Role__c ?? event.detail.role
          ),
          variant: 'success'
        })
      );
    });
  }

  async handleRaiseDispute(event: CustomEvent<Psms.DisputeRequest>): Promise<void> {
    const registration = this.registrations.find((r) => r.Id === event.detail.registrationId);
    await this.run(async () => {
      const dispute = await raiseDispute(event.detail);
      this.raised = [...this.raised, dispute];
      this.child<{ closeForm(): void }>('c-registration-list')?.closeForm();
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABEL_DISPUTE_RAISED_TITLE,
          message: formatLabel(LABEL_DISPUTE_RAISED, registration?.Name ?? '', dispute.Name ?? ''),
          variant: 'success'
        })
      );
    });
  }

  private child<T>(selector: string): T | null {
    return (this.template?.querySelector(selector) as unknown as T | null) ?? null;
  }

  async handleCoSellChange(event: CustomEvent<Psms.CoSellRequest>): Promise<void> {
    await this.run(() => setCoSell(event.detail));
  }

  async handleSubmitRegistration(): Promise<void> {
    const draft = this.draft;
    if (!draft) {
      return;
    }
    await this.run(async () => {
      const saved = await submitRegistrationOp({ registration: draft });
      this.verdict = outcomeOf(saved, this.settings);
      // Sent once: the form starts again without a partner, so a second click registers nothing.
      this.draft = { ...draft, Partner_Account__c: '' };
    });
  }

  /** Every write: clear the last error, call, then re-read the deal so the panel shows what the server kept. */
  private async run(write: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      await write();
      await refreshApex(this.dealResult);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
