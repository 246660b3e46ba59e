// layout — the box engine: a slide's element tree with computed styles
// becomes a DisplayList. Block boxes stack vertically; inline content is
// broken into lines of shaped text (text/).
#pragma once

#include "deck/deck.h"
#include "layout/display_list.h"
#include "style/style.h"
#include "text/shaper.h"

namespace deckpdf::layout {

struct Context {
  const dom::Document& doc;
  const style::Resolver& styles;
  text::Shaper& shaper;
  Diagnostics& diags;
};

// Lays out one slide, final state, every item tagged with its step.
DisplayList layout_slide(Context& ctx, const deck::Slide& slide, int slide_number);

// Lays out the children of `root` (e.g. speaker notes) into a box
// `width` px wide; the list's height is what the content needs.
DisplayList layout_flow(Context& ctx, dom::NodeId root, const style::ComputedStyle& root_style,
                        float width);

}  // namespace deckpdf::layout
