// compose/continuation — notes that continue past their cell go on at the
// whole cell's width (the slide is not repeated): the first piece comes
// from the notes laid out at the notes box's width, the rest from the
// same notes laid out at the cell's, from the very line where the first
// piece stops. Not for other stages.
#pragma once

#include <vector>

#include "layout/display_list.h"

namespace deckpdf::compose {

struct WideSplit {
  layout::DisplayList first;              // from `narrow`, at most `first_px` high
  std::vector<layout::DisplayList> rest;  // from `wide`, each at most `rest_px` high
};

// Splits the same notes laid out twice, `narrow` and `wide`. The first
// piece breaks where the narrow flow's text so far is exactly the text
// before a line of the wide flow (the start of a paragraph or list item,
// or a line both happen to start), no lower than the narrow flow's own
// break, without leaving a line of a paragraph alone, and at least half
// way down its box; false when there is no such place.
bool wide_split(const layout::DisplayList& narrow, const layout::DisplayList& wide, float first_px,
                float rest_px, WideSplit& out);

}  // namespace deckpdf::compose
