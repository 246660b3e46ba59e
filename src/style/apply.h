// style/apply — one declaration applied to an element's ComputedStyle: the
// properties deckpdf draws, their values and units, and the ones it accepts
// but ignores because they do not change a printed page.
#pragma once

#include "style/computed.h"
#include "style/css.h"

namespace deckpdf::style {

// Applies the declarations of one element, in cascade order, to `s`, which
// starts with what `parent` passes on.
struct Applier {
  ComputedStyle& s;
  const ComputedStyle& parent;
  float root_size;
  bool line_height_set = false;
  float line_height_factor = -1;  // unitless line-height, applied after font-size

  // Returns false when the property or value is not understood.
  bool apply(const Declaration& d);
};

}  // namespace deckpdf::style
