// layout/layers — a display list's items grouped into layers: the items
// that share a fragment step, a hide step and an effect set (Item::step,
// until, effects) appear, hide and change together. compose picks the
// layers each page shows and in which state (compose/layers.h); the PDF
// writes each layer once and reuses it on every page that shows it.
#pragma once

#include "layout/display_list.h"

namespace deckpdf::layout {

// Sets list.layers from list.items: one layer per distinct (step, until,
// effects), in the order of their first items. Whatever makes or changes
// a list's items calls it last.
void layers_group(DisplayList& list);

}  // namespace deckpdf::layout
