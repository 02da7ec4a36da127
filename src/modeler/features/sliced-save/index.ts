import SlicedSerializer from './SlicedSerializer';

/** Feature module: serialise the model in slices for autosave (service `slicedSerializer`). */
export default {
  slicedSerializer: ['type', SlicedSerializer]
};
