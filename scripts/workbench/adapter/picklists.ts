import { join } from 'node:path';
import { loadDataModel, type DataModel } from '../../lib/forceAppModel';
import type { AdapterContext } from './adapterContext';

/** Picklist values as the package metadata declares them, so the adapter refuses what the org would. */
const models = new Map<string, DataModel>();

export function dataModel(forceAppDir: string): DataModel {
  let model = models.get(forceAppDir);
  if (!model) models.set(forceAppDir, (model = loadDataModel(forceAppDir)));
  return model;
}

export function picklistValues(ctx: AdapterContext, object: string, field: string): string[] {
  const values = dataModel(ctx.forceAppDir).field(object, field)?.picklistValues;
  if (!values) throw new Error(`${object}.${field} is not a picklist in ${join(ctx.forceAppDir)}`);
  return values;
}
