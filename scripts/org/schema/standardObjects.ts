import type { FieldDescribe, SharingModel } from './describe';
import { auditFields, field, idField, ownerField, picklist, reference, text } from './fieldBuilder';
import { OPPORTUNITY_STAGES } from './opportunityStages';

/**
 * The platform's standard objects that the runtime provides: the setup objects a test creates
 * users and permissions with, the sales objects a package extends, the scheduler's and the
 * sharing model's own objects. Only what Apex code commonly reads is declared; a query naming
 * an undeclared field fails as it would against an org that lacks it.
 */
export interface StandardObjectSpec {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  sharingModel: SharingModel;
  setup?: boolean;
  readOnly?: boolean;
  shareObject?: string;
  fields: FieldDescribe[];
}

const system = { readOnly: true, permissionable: false };
const LANGUAGES = ['en_US', 'de', 'fr', 'es', 'ja'];
const TIME_ZONES = ['GMT', 'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris'];
const EMAIL_ENCODINGS = ['UTF-8', 'ISO-8859-1'];
const ACCESS_LEVELS = ['Read', 'Edit', 'All'];

export const STANDARD_OBJECTS: readonly StandardObjectSpec[] = [
  {
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      text('Name', 80, { ...system, nameField: true }),
      field('FiscalYearStartMonth', 'integer', system),
      field('UsesStartDateAsFiscalYearName', 'boolean', system),
      text('TimeZoneSidKey', 40, system),
      text('DefaultLocaleSidKey', 40, system),
      text('LanguageLocaleKey', 40, system),
      text('OrganizationType', 40, system),
      field('IsSandbox', 'boolean', system),
      text('NamespacePrefix', 15, system),
      ...auditFields()
    ]
  },
  {
    name: 'Profile',
    label: 'Profile',
    labelPlural: 'Profiles',
    keyPrefix: '00e',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      text('Name', 255, { required: true, nameField: true }),
      text('UserType', 40, system),
      text('Description', 255),
      field('PermissionsViewAllData', 'boolean', system),
      field('PermissionsModifyAllData', 'boolean', system),
      ...auditFields()
    ]
  },
  {
    name: 'UserRole',
    label: 'Role',
    labelPlural: 'Roles',
    keyPrefix: '00E',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      text('Name', 80, { required: true, nameField: true }),
      text('DeveloperName', 80, { required: true }),
      reference('ParentRoleId', 'UserRole', 'ParentRole'),
      ...auditFields()
    ]
  },
  {
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      text('Username', 80, { required: true, unique: true }),
      text('LastName', 80, { required: true }),
      text('FirstName', 40),
      text('Name', 121, { ...system, nameField: true }),
      text('Alias', 8, { required: true }),
      field('Email', 'email', { required: true, length: 128 }),
      text('CommunityNickname', 40),
      text('Title', 80),
      text('Department', 80),
      text('CompanyName', 80),
      field('IsActive', 'boolean', { defaultedOnCreate: true, permissionable: false }),
      picklist('EmailEncodingKey', EMAIL_ENCODINGS, { required: true, restricted: true }),
      picklist('LanguageLocaleKey', LANGUAGES, { required: true, restricted: true }),
      picklist('LocaleSidKey', LANGUAGES, { required: true, restricted: true }),
      picklist('TimeZoneSidKey', TIME_ZONES, { required: true, restricted: true }),
      reference('ProfileId', 'Profile', 'Profile', { required: true }),
      reference('UserRoleId', 'UserRole', 'UserRole'),
      reference('ManagerId', 'User', 'Manager', { children: 'ManagedUsers' }),
      text('UserType', 40, system),
      ...auditFields()
    ]
  },
  {
    name: 'PermissionSet',
    label: 'Permission Set',
    labelPlural: 'Permission Sets',
    keyPrefix: '0PS',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      text('Name', 80, { required: true, nameField: true }),
      text('Label', 80, { required: true }),
      text('Description', 255),
      field('IsOwnedByProfile', 'boolean', system),
      reference('ProfileId', 'Profile', 'Profile', system),
      text('NamespacePrefix', 15, system),
      field('PermissionsModifyAllData', 'boolean', system),
      field('PermissionsViewAllData', 'boolean', system),
      ...auditFields()
    ]
  },
  {
    name: 'PermissionSetAssignment',
    label: 'Permission Set Assignment',
    labelPlural: 'Permission Set Assignments',
    keyPrefix: '0Pa',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      reference('AssigneeId', 'User', 'Assignee', { required: true, children: 'PermissionSetAssignments' }),
      reference('PermissionSetId', 'PermissionSet', 'PermissionSet', {
        required: true,
        children: 'Assignments'
      }),
      ...auditFields()
    ]
  },
  {
    name: 'Group',
    label: 'Group',
    labelPlural: 'Groups',
    keyPrefix: '00G',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      text('Name', 40, { required: true, nameField: true }),
      text('DeveloperName', 80),
      picklist('Type', ['Regular', 'Role', 'RoleAndSubordinates', 'Queue', 'Organization'], {
        required: true
      }),
      reference('RelatedId', 'UserRole', 'Related', system),
      ...auditFields()
    ]
  },
  {
    name: 'GroupMember',
    label: 'Group Member',
    labelPlural: 'Group Members',
    keyPrefix: '011',
    sharingModel: 'Read',
    setup: true,
    fields: [
      idField(),
      reference('GroupId', 'Group', 'Group', { required: true, children: 'GroupMembers' }),
      text('UserOrGroupId', 18, { required: true }),
      ...auditFields()
    ]
  },
  {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    sharingModel: 'ReadWrite',
    shareObject: 'AccountShare',
    fields: [
      idField(),
      text('Name', 255, { required: true, nameField: true }),
      ownerField(),
      reference('ParentId', 'Account', 'Parent', { children: 'ChildAccounts' }),
      picklist('Type', [
        'Prospect',
        'Customer - Direct',
        'Customer - Channel',
        'Channel Partner / Reseller',
        'Other'
      ]),
      picklist('Industry', ['Technology', 'Finance', 'Healthcare', 'Manufacturing', 'Retail', 'Other']),
      field('Website', 'url', { length: 255 }),
      field('Phone', 'phone', { length: 40 }),
      text('AccountNumber', 40),
      field('AnnualRevenue', 'currency', { precision: 18, scale: 0 }),
      field('NumberOfEmployees', 'integer', { precision: 8 }),
      text('BillingCountry', 80),
      text('BillingCity', 40),
      field('Description', 'textarea', { length: 32000 }),
      ...auditFields()
    ]
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    sharingModel: 'ReadWrite',
    shareObject: 'OpportunityShare',
    fields: [
      idField(),
      text('Name', 120, { required: true, nameField: true }),
      reference('AccountId', 'Account', 'Account', { children: 'Opportunities' }),
      ownerField(),
      field('Amount', 'currency', { precision: 18, scale: 2 }),
      field('CloseDate', 'date', { required: true }),
      picklist(
        'StageName',
        OPPORTUNITY_STAGES.map((stage) => stage.name),
        { required: true, restricted: true, permissionable: false }
      ),
      field('Probability', 'percent', { precision: 3, scale: 0 }),
      picklist('ForecastCategoryName', ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], {
        restricted: true
      }),
      field('IsClosed', 'boolean', { ...system, defaultedOnCreate: true }),
      field('IsWon', 'boolean', { ...system, defaultedOnCreate: true }),
      text('NextStep', 255),
      picklist('LeadSource', ['Web', 'Phone Inquiry', 'Partner', 'Purchased List', 'Other']),
      picklist('Type', ['Existing Business', 'New Business']),
      field('Description', 'textarea', { length: 32000 }),
      field('ExpectedRevenue', 'currency', { ...system, precision: 18, scale: 2 }),
      field('LastActivityDate', 'date', system),
      field('PushCount', 'integer', { ...system, defaultedOnCreate: true }),
      field('LastStageChangeDate', 'datetime', system),
      field('FiscalYear', 'integer', system),
      field('FiscalQuarter', 'integer', system),
      ...auditFields()
    ]
  },
  shareSpec('AccountShare', '00r', 'Account', 'AccountId', 'AccountAccessLevel'),
  shareSpec('OpportunityShare', '00t', 'Opportunity', 'OpportunityId', 'OpportunityAccessLevel'),
  {
    name: 'OpportunityStage',
    label: 'Opportunity Stage',
    labelPlural: 'Opportunity Stages',
    keyPrefix: '01J',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      text('MasterLabel', 255, { ...system, nameField: true }),
      text('ApiName', 255, system),
      field('DefaultProbability', 'percent', system),
      text('ForecastCategoryName', 40, system),
      field('IsClosed', 'boolean', system),
      field('IsWon', 'boolean', system),
      field('IsActive', 'boolean', system),
      field('SortOrder', 'integer', system),
      ...auditFields()
    ]
  },
  {
    name: 'ApexClass',
    label: 'Apex Class',
    labelPlural: 'Apex Classes',
    keyPrefix: '01p',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      text('Name', 255, { ...system, nameField: true }),
      text('NamespacePrefix', 15, system),
      text('Status', 40, system),
      ...auditFields()
    ]
  },
  {
    name: 'StaticResource',
    label: 'Static Resource',
    labelPlural: 'Static Resources',
    keyPrefix: '081',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      text('Name', 255, { ...system, nameField: true }),
      text('NamespacePrefix', 15, system),
      text('ContentType', 120, system),
      field('Body', 'base64', system),
      field('BodyLength', 'integer', system),
      text('Description', 255, system),
      text('CacheControl', 40, system),
      ...auditFields()
    ]
  },
  {
    name: 'CronJobDetail',
    label: 'Cron Job Detail',
    labelPlural: 'Cron Job Details',
    keyPrefix: '0Ly',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      text('Name', 255, { ...system, nameField: true }),
      text('JobType', 40, system),
      ...auditFields()
    ]
  },
  {
    name: 'CronTrigger',
    label: 'Cron Trigger',
    labelPlural: 'Cron Triggers',
    keyPrefix: '08e',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      reference('CronJobDetailId', 'CronJobDetail', 'CronJobDetail', system),
      text('CronExpression', 255, system),
      text('State', 40, system),
      field('NextFireTime', 'datetime', system),
      field('PreviousFireTime', 'datetime', system),
      field('StartTime', 'datetime', system),
      field('EndTime', 'datetime', system),
      field('TimesTriggered', 'integer', system),
      reference('OwnerId', 'User', 'Owner', system),
      ...auditFields()
    ]
  },
  {
    name: 'AsyncApexJob',
    label: 'Apex Job',
    labelPlural: 'Apex Jobs',
    keyPrefix: '707',
    sharingModel: 'Read',
    setup: true,
    readOnly: true,
    fields: [
      idField(),
      reference('ApexClassId', 'ApexClass', 'ApexClass', system),
      text('JobType', 40, system),
      text('Status', 40, system),
      text('MethodName', 255, system),
      text('ExtendedStatus', 255, system),
      field('NumberOfErrors', 'integer', system),
      field('JobItemsProcessed', 'integer', system),
      field('TotalJobItems', 'integer', system),
      field('CompletedDate', 'datetime', system),
      reference('CronTriggerId', 'CronTrigger', 'CronTrigger', system),
      ...auditFields()
    ]
  }
];

/** `AccountShare`, `OpportunityShare`: standard objects' share tables have their own field names. */
function shareSpec(
  name: string,
  keyPrefix: string,
  parent: string,
  parentField: string,
  accessField: string
): StandardObjectSpec {
  return {
    name,
    label: `${parent} Share`,
    labelPlural: `${parent} Share`,
    keyPrefix,
    sharingModel: 'Read',
    fields: [
      idField(),
      reference(parentField, parent, parent, { required: true, children: 'Shares' }),
      text('UserOrGroupId', 18, { required: true }),
      picklist(accessField, ACCESS_LEVELS, { required: true, restricted: true }),
      picklist('RowCause', ['Owner', 'Manual', 'Rule', 'ImplicitChild', 'ImplicitParent', 'Team'], {
        restricted: true,
        defaultedOnCreate: true
      }),
      ...auditFields()
    ]
  };
}
