import { bpmnJsMessages } from './bpmn-js-messages';

/** bpmn-js's translate service, answering in the active UI language. */
function translate(template: string, replacements?: Record<string, string>): string {
  const text = bpmnJsMessages()[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
}

/** Feature module replacing bpmn-js's English-only translate; fire `i18n.changed` after a locale switch. */
export default {
  translate: ['value', translate]
};
