import {
  compileFormula,
  FormulaError,
  type CompiledFormula,
  type FieldType,
  type FormulaDataType
} from '../formula';
import { rowToRecord } from '../database/records';
import type { Execution } from '../interpret/execution';
import { Decimal } from '../interpret/values/numbers';
import { SObject } from '../interpret/values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../interpret/values/temporal';
import type { FieldDescribe, ObjectDescribe, ValidationRule } from '../schema/describe';
import type { OrgSchema } from '../schema/orgSchema';

/**
 * Validation rules evaluated from their formulas on every save, after before-triggers and the
 * platform's own checks, as the order of save has it. Each rule is compiled once against the
 * org's schema; a rule that does not compile stops the package from loading (file:line), as a
 * deploy would fail. Cross-object references read the parent record; ISCHANGED and PRIORVALUE
 * read the record as it was before the save.
 */
export class ValidationRuleError extends Error {
  constructor(rule: ValidationRule, reason: string) {
    super(`${rule.file}:${rule.line}: validation rule ${rule.name}: ${reason}`);
    this.name = 'ValidationRuleError';
  }
}

interface CompiledRule {
  rule: ValidationRule;
  formula: CompiledFormula;
}

export function formulaType(field: FieldDescribe): FormulaDataType {
  switch (field.type) {
    case 'boolean':
      return 'checkbox';
    case 'integer':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'time':
      return 'time';
    case 'picklist':
      return 'picklist';
    case 'multipicklist':
      return 'multipicklist';
    default:
      return 'text';
  }
}

/** Resolves `Field__c`, `Parent__r.Field__c` and the globals a validation rule may name. */
export function fieldResolver(
  schema: OrgSchema,
  object: ObjectDescribe
): (reference: string) => FieldType | undefined {
  return (reference) => {
    const parts = reference.split('.');
    if (parts[0].startsWith('$')) return globalType(schema, parts);
    let current: ObjectDescribe | undefined = object;
    for (const part of parts.slice(0, -1)) {
      const lookup: FieldDescribe | undefined = current
        ? [...current.fields.values()].find((f) => f.relationshipName?.toLowerCase() === part.toLowerCase())
        : undefined;
      current = lookup ? schema.object(lookup.referenceTo[0] ?? '') : undefined;
    }
    const field = current?.field(parts[parts.length - 1]);
    if (!field) return undefined;
    return {
      dataType: formulaType(field),
      scale: field.scale,
      length: field.length,
      options: field.picklistValues.map((p) => p.value)
    };
  };
}

function globalType(schema: OrgSchema, parts: string[]): FieldType | undefined {
  const head = parts[0].toLowerCase();
  if (head === '$permission') return { dataType: 'checkbox' };
  if (head === '$label') return { dataType: 'text' };
  if (head === '$user' || head === '$profile') {
    const object = schema.object(head === '$user' ? 'User' : 'Profile');
    const field = object?.field(parts[1] ?? '');
    return field ? { dataType: formulaType(field) } : undefined;
  }
  return undefined;
}

export class ValidationRules {
  private readonly compiled = new Map<string, CompiledRule[]>();

  constructor(private readonly schema: OrgSchema) {}

  /** Compiles every active rule now, so a broken formula fails the load rather than a save. */
  compileAll(): void {
    for (const object of this.schema.objects()) this.rulesOf(object);
  }

  private rulesOf(object: ObjectDescribe): CompiledRule[] {
    let rules = this.compiled.get(object.name);
    if (rules) return rules;
    rules = object.validationRules
      .filter((rule) => rule.active)
      .map((rule) => {
        try {
          return {
            rule,
            formula: compileFormula(
              rule.errorConditionFormula,
              fieldResolver(this.schema, object),
              'checkbox',
              {
                context: 'validationRule'
              }
            )
          };
        } catch (error) {
          if (error instanceof FormulaError) throw new ValidationRuleError(rule, error.message);
          throw error;
        }
      });
    this.compiled.set(object.name, rules);
    return rules;
  }

  /** The rules the record breaks: message and the field the message belongs to. */
  failures(ex: Execution, record: SObject, old: SObject | null): { message: string; field?: string }[] {
    const rules = this.rulesOf(record.type);
    if (rules.length === 0) return [];
    const parents = new Map<string, SObject | null>();
    const now = ex.now();
    const read = (source: SObject, reference: string): unknown => {
      const parts = reference.split('.');
      if (parts[0].startsWith('$')) return this.globalValue(ex, parts);
      let current: SObject | null = source;
      for (const part of parts.slice(0, -1)) {
        current = current ? this.parent(ex, current, part, parents) : null;
      }
      if (!current) return null;
      const field = current.field(parts[parts.length - 1]);
      return field ? toFormulaValue(current.peek(field.name) ?? null) : null;
    };
    const result: { message: string; field?: string }[] = [];
    for (const { rule, formula } of rules) {
      const broken = formula.evaluate({
        value: (reference) => read(record, reference),
        prior: (reference) => read(old ?? record, reference),
        isNew: old === null
      });
      if (broken === true) result.push({ message: rule.errorMessage, field: rule.errorDisplayField });
    }
    void now;
    return result;
  }

  private parent(
    ex: Execution,
    record: SObject,
    relationship: string,
    cache: Map<string, SObject | null>
  ): SObject | null {
    const lookup = [...record.type.fields.values()].find(
      (f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase()
    );
    if (!lookup) return null;
    const id = record.peek(lookup.name);
    if (typeof id !== 'string') return null;
    if (cache.has(id)) return cache.get(id) ?? null;
    const object = this.schema.object(lookup.referenceTo[0] ?? '');
    const row = object ? ex.org.database.rowsById(object, [id]).get(id) : undefined;
    const parent = object && row ? rowToRecord(object, row) : null;
    cache.set(id, parent);
    return parent;
  }

  private globalValue(ex: Execution, parts: string[]): unknown {
    const head = parts[0].toLowerCase();
    if (head === '$permission') return ex.org.services.security.hasCustomPermission(ex, parts[1] ?? '');
    if (head === '$label') return ex.org.services.packageData.label(parts[1] ?? '') ?? null;
    if (head === '$user')
      return toFormulaValue(ex.org.services.security.user(ex).peek(parts[1] ?? '') ?? null);
    return null;
  }
}

/** Apex values in the formula library's conventions: numbers, 'YYYY-MM-DD', ISO datetimes. */
function toFormulaValue(value: unknown): unknown {
  if (value instanceof Decimal) return value.value;
  if (value instanceof ApexDate) return value.toString();
  if (value instanceof ApexDatetime) return value.toIso();
  if (value instanceof ApexTime) return value.toString().replace(/Z$/, '');
  return value;
}
