// What other modules may read of the documents (lint keeps them out of repository.ts).
export { documentState, findDocument, findDocumentByNumber, type DocumentRow } from './repository.js';
export { DOCUMENT_WAIT_MS, readyDocument } from './ready-document.js';
