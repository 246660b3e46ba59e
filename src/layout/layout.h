// layout — the box engine: a slide's element tree with computed styles
// becomes a DisplayList. Block boxes stack vertically; inline content is
// broken into lines of shaped text (text/).
#pragma once

#include <memory>

#include "deck/deck.h"
#include "image/cache.h"
#include "layout/display_list.h"
#include "style/style.h"
#include "text/shaper.h"

namespace deckpdf::layout {

struct Context {
  const dom::Document& doc;
  const style::Resolver& styles;
  text::Shaper& shaper;
  Diagnostics& diags;
  std::string deck_dir = ".";  // images are looked up here, and only here
  std::string asset_root;      // where site-absolute paths (/images/x.png) point, if set
  // Width / height of the page the slide is printed on (0: the theme's own
  // slide shape). A slide is widened or heightened to the page's shape, as
  // reveal.js's print view does: a 960x700 slide on a 16:9 page is laid out
  // 1244 px wide, so a heading reveal.js shows on one line stays on one.
  float page_aspect = 0;
  // reveal.js's `center`: a slide's content centred vertically (false: at
  // the top of the slide, below reveal.js's margin). A slide with class
  // `center` is centred either way.
  bool center = true;
  // Pictures decoded once for the whole export, shared by its threads
  // (null: each picture decoded where it is shown).
  std::shared_ptr<image::Cache> pictures;
  // --tagged: lists carry their structure (roles.h); off, nothing is made.
  bool tagged = false;
};

// The most items (runs of text, boxes, rules, pictures' pieces) one slide
// or flow may hold: past it, layout stops adding to it and a slide is an
// error (layout.too-many-items). Far more than a slide can show (a 10 MB
// paragraph of words makes about 200,000 lines), few enough that a slide
// of one megabyte-long word or of 800,000 paragraphs costs no more than
// a few hundred megabytes before it is refused.
inline constexpr size_t max_slide_items = 500'000;

// Lays out one slide, final state, every item tagged with its step.
DisplayList layout_slide(Context& ctx, const deck::Slide& slide, int slide_number);

// reveal.js's slide number (`.slide-number-pdf`): `label` in 14 px white
// type on a 40% black box, 8 px from the bottom right of a `width` x
// `height` slide.
DisplayList layout_slide_number(Context& ctx, const std::string& label, float width, float height);

// Lays out the children of `root` (e.g. speaker notes) into a box
// `width` px wide; the list's height is what the content needs. Links
// (`a(href)`) become LinkItems; every line box and picture is recorded in
// DisplayList::bands, so that compose can split the flow between lines.
DisplayList layout_flow(Context& ctx, dom::NodeId root, const style::ComputedStyle& root_style,
                        float width);

}  // namespace deckpdf::layout
