import { msg, str } from '@lit/localize';
import { BpmnImportError } from '../model/bpmn-io';
import { StorageError } from '../storage/errors';

/** Turns any failure into a sentence for the user in their language, plus the technical detail. */
export function describeError(error: unknown, fileName?: string): { message: string; detail?: string } {
  const subject = fileName ? msg(str`“${fileName}”`) : msg('The file');
  if (error instanceof BpmnImportError) {
    const where =
      error.line != null ? msg(str` (line ${error.line}, column ${error.column ?? '?'})`) : '';
    switch (error.kind) {
      case 'too-large':
        return { message: msg(str`${subject} is too large to open.`), detail: error.message };
      case 'empty':
        return { message: msg(str`${subject} is empty.`), detail: error.message };
      case 'not-xml':
        return { message: msg(str`${subject} is not a valid XML file${where}.`), detail: error.message };
      case 'not-bpmn':
        return { message: msg(str`${subject} is XML, but not a BPMN 2.0 model.`), detail: error.message };
      default:
        return { message: msg(str`${subject} could not be read as BPMN${where}.`), detail: error.message };
    }
  }
  if (error instanceof StorageError) {
    switch (error.kind) {
      case 'quota':
        return {
          message: msg('The browser has no storage space left, so this was not stored. Earlier saves and versions are kept; free space on the disk, or delete processes, and download the library to be safe.'),
          detail: error.message
        };
      case 'too-large':
        return { message: msg('This process is too large to store.'), detail: error.message };
      case 'vanished':
        return {
          message: msg('The browser deleted the library’s database while MissingLink was open. Your open model is still on screen; MissingLink puts the library back from its copy on the next save.'),
          detail: error.message
        };
      case 'not-found':
        return { message: msg('This process no longer exists in the library.'), detail: error.message };
      case 'corrupt':
        return {
          message: error.subject
            ? msg(str`The stored process “${error.subject}” is damaged and was skipped; the other processes are fine.`)
            : msg('A stored record is damaged and was skipped.'),
          detail: error.message
        };
      default:
        return { message: msg('The library in this browser is not available.'), detail: error.message };
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  if (fileName) return { message: msg(str`${subject} could not be opened.`), detail: text };
  return { message: msg('Something went wrong; your model is unchanged.'), detail: text };
}
