import { checkMetadataXml } from './checks/metadataXml';
console.log(JSON.stringify(checkMetadataXml('/tmp/apx'), null, 1));
