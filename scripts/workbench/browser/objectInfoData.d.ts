/** The object descriptions the build generates from force-app (scripts/workbench/build/objectInfoSource.ts). */
declare module 'wb/objectInfoData' {
  export const OBJECT_INFOS: Record<
    string,
    import('../build/objectInfoSource').WorkbenchObjectInfo | undefined
  >;
}
