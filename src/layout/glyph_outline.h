// layout/glyph_outline — a shaped run's glyphs as outlines (HarfBuzz's glyph
// shapes), for what must not be text: text shadows (paint.cpp), drawn
// under the text as paths so that the text extracts once.
#pragma once

#include "layout/display_list.h"
#include "text/font_set.h"
#include "text/glyph_run.h"

namespace deckpdf::layout {

// The run's outlines with its pen starting at (0, 0) on the baseline, y
// down, in px at the run's size; appended to `out`. False when the face
// has no outlines (colour emoji) or `budget` segments are spent.
bool glyph_outlines(const text::FontSet& fonts, const text::GlyphRun& run, PathData& out,
                    size_t& budget);

}  // namespace deckpdf::layout
