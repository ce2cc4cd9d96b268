import { apexEquals, toText } from '../../operators';
import type { ApexEnumValue, ApexObject } from '../../runtimeClass';
import type { MethodTable } from './valueMethod';

/** Methods every Boolean, enum value and object has. */
export const BOOLEAN_METHODS: MethodTable<boolean> = {
  equals: (_ex, b, [other]) => b === other,
  hashcode: (_ex, b) => (b ? 1231 : 1237),
  tostring: (_ex, b) => String(b)
};

export const ENUM_METHODS: MethodTable<ApexEnumValue> = {
  name: (_ex, v) => v.name,
  ordinal: (_ex, v) => v.ordinal,
  equals: (_ex, v, [other]) => v === other,
  hashcode: (_ex, v) => v.ordinal,
  tostring: (_ex, v) => v.name
};

/** An Apex class's equals/hashCode/toString when it does not define them: identity and the default rendering. */
export const OBJECT_METHODS: MethodTable<ApexObject> = {
  equals: (_ex, self, [other]) => self === other || apexEquals(self, other),
  hashcode: (_ex, self) => self.fields.size,
  tostring: (_ex, self) => toText(self)
};

/** A Blob is a Buffer at run time. */
export const BLOB_METHODS: MethodTable<Uint8Array> = {
  tostring: (_ex, bytes) => Buffer.from(bytes).toString('utf8'),
  size: (_ex, bytes) => bytes.length
};
