import type { FieldType } from '../org/formula';

/**
 * The platform's own fields that package formulas may read, with their formula types: the
 * package metadata declares only its custom fields on Account and Opportunity, and nothing on
 * User. `referenceTo` makes a lookup usable as a relationship (`Account.Name`, `Owner.Name`).
 * Extend the table when a formula needs another standard field.
 */
export interface StandardField extends FieldType {
  referenceTo?: string;
}

const text: StandardField = { dataType: 'text' };
const id = (referenceTo?: string): StandardField => ({ dataType: 'text', referenceTo });
const picklist: StandardField = { dataType: 'picklist' };
const number: StandardField = { dataType: 'number' };
const checkbox: StandardField = { dataType: 'checkbox' };
const date: StandardField = { dataType: 'date' };
const datetime: StandardField = { dataType: 'datetime' };

/** Fields every object has; custom metadata types add DeveloperName and its kin. */
export const SYSTEM_FIELD_TYPES: Readonly<Record<string, StandardField>> = {
  Id: id(),
  Name: text,
  OwnerId: id('User'),
  CreatedById: id('User'),
  CreatedDate: datetime,
  LastModifiedById: id('User'),
  LastModifiedDate: datetime,
  SystemModstamp: datetime,
  IsDeleted: checkbox,
  RecordTypeId: id(),
  DeveloperName: text,
  MasterLabel: text,
  Label: text,
  Language: text,
  NamespacePrefix: text,
  QualifiedApiName: text
};

export const STANDARD_FIELD_TYPES: Readonly<Record<string, Readonly<Record<string, StandardField>>>> = {
  Account: {
    AccountNumber: text,
    AnnualRevenue: number,
    BillingCountry: text,
    Industry: picklist,
    NumberOfEmployees: number,
    ParentId: id('Account'),
    Phone: text,
    Type: picklist,
    Website: text
  },
  Opportunity: {
    AccountId: id('Account'),
    Amount: number,
    CloseDate: date,
    Description: text,
    ExpectedRevenue: number,
    ForecastCategoryName: picklist,
    IsClosed: checkbox,
    IsWon: checkbox,
    LastActivityDate: date,
    LastStageChangeDate: datetime,
    LeadSource: picklist,
    NextStep: text,
    Probability: number,
    PushCount: number,
    StageName: picklist,
    Type: picklist
  },
  User: {
    Alias: text,
    Email: text,
    FirstName: text,
    IsActive: checkbox,
    LastName: text,
    ManagerId: id('User'),
    ProfileId: id(),
    Title: text,
    UserRoleId: id(),
    Username: text
  }
};
