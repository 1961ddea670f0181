// class-transformer ships its metadata storage without a declaration beside the CommonJS build;
// the types live under `types/`. The AsyncAPI generator reads @Type() metadata from it.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
