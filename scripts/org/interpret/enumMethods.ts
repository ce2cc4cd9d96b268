import { PlatformError } from '../platformError';
import { npe, toText } from './operators';
import { RuntimeClass, type MethodInfo, type NativeMethod } from './runtimeClass';
import { OBJECT_TYPE } from './types';
import { ApexList } from './values/collections';

/**
 * The static methods every Apex enum has, the package's and the platform's alike: values(), the
 * constants in declaration order, and valueOf(name), which matches the name case-insensitively
 * (`StatusCode.valueOf('delete_failed')`) and throws System.NoSuchElementException otherwise.
 */
export function addEnumMethods(cls: RuntimeClass): void {
  const add = (name: string, native: NativeMethod): void => {
    const method: MethodInfo = {
      name,
      owner: cls,
      params: null,
      returnType: OBJECT_TYPE,
      isStatic: true,
      isAbstract: false,
      access: 'global',
      annotations: [],
      line: 0,
      decl: null,
      native
    };
    cls.methods.set(name.toLowerCase(), [method]);
  };
  add('values', () => new ApexList({ kind: 'class', cls }, [...cls.enumValues]));
  add('valueOf', (_ex, _self, [name]) => {
    if (name === null || name === undefined) throw npe();
    const wanted = toText(name).toLowerCase();
    const found = cls.enumValues.find((value) => value.name.toLowerCase() === wanted);
    if (!found)
      throw new PlatformError(
        'System.NoSuchElementException',
        `No enum constant ${cls.name}.${toText(name)}`
      );
    return found;
  });
}
