// compose/ink — the ink-saving copy of a dark slide for printed handouts
// (--handout-colors=ink, the default): a slide whose background is dark
// (reveal.js's has-dark-background test) is printed on white paper with
// its background colour, gradient and picture dropped and every other
// colour's lightness turned over (white text black, a light yellow
// heading dark yellow, a dark code block light grey), hues kept. Light
// slides and pictures are printed as they are.
#pragma once

#include <optional>

#include "deck/deck.h"
#include "layout/display_list.h"

namespace deckpdf::compose {

// Whether a slide on `background` is dark, as reveal.js decides it
// (perceived brightness below 128).
bool ink_is_dark(const layout::Color& background);

// A colour with its lightness (HSL) turned over: L -> 1 - L.
layout::Color ink_turn(const layout::Color& c);

// The ink-saving copy of `list`, the display list of `slide`; nullopt when
// the slide is light and prints as it is.
std::optional<layout::DisplayList> ink_saving(const deck::Slide& slide,
                                              const layout::DisplayList& list);

}  // namespace deckpdf::compose
