// layout/dump — a display list as readable text (`deckpdf --dump=layout`),
// for reading what layout made of a slide and for golden-file tests: one
// header with the list's box, placement and effect sets, then one line per
// item in drawing order.
//
// Each part of the text is written by its own function in dump.cpp (the
// header, an effect, an item and its kind), so a new part (a list's
// layers) is a new function and a call.
#pragma once

#include <string>

#include "layout/display_list.h"

namespace deckpdf::layout {

struct DumpOptions {
  // Names the fonts of text runs (PostScript names); nullptr: "font N".
  const text::FontSet* fonts = nullptr;
  // Picture paths are written relative to this folder (the deck's), so
  // that a dump reads the same on every machine; "" = as they are.
  std::string base_dir;
};

// `list` as text, ending in a newline. Lengths in px with 2 decimals;
// colours as #rrggbb (#rrggbbaa when not opaque); steps as numbers, or
// "never".
std::string dump_list(const DisplayList& list, const DumpOptions& options = {});

}  // namespace deckpdf::layout
