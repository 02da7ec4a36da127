import KeyboardModeling from './KeyboardModeling';

/** Feature module: append, connect and move the selection by keyboard (see KeyboardModeling). */
export default {
  __init__: ['keyboardModeling'],
  keyboardModeling: ['type', KeyboardModeling]
};
