// layout/slide — a slide as a whole, the steps of layout_slide: its box and
// background colour, its content laid out to fit the box (.r-stretch,
// shrink-to-fit of an overfull slide, centring), and its background
// picture (picture.cpp).
#pragma once

#include <vector>

#include "layout/layout.h"
#include "layout/steps.h"

namespace deckpdf::layout {

// Sets the slide's size (the theme's, widened or heightened to the page's
// shape), background colour and step count in `list`; returns the style of
// the slide's section, which its content is laid out in.
style::ComputedStyle slide_frame(Context& ctx, const deck::Slide& slide, DisplayList& list);

// A slide's content as laid out, its items still tagged (Item::tag).
struct SlideContent {
  std::vector<Item> items;
  Tags tags;
};

// Lays the content of the slide out in `list`'s box, and sets the list's
// scale, offset and clip: at full width, and if the content is taller than
// the slide, again wider and drawn scaled down so that it fills the width,
// with a warning; centred vertically (reveal.js `center: true`).
SlideContent slide_content(Context& ctx, const deck::Slide& slide, int slide_number,
                           const style::ComputedStyle& section, DisplayList& list);

// A warning per character no font had, since the last call.
void missing_glyphs_warn(Context& ctx, const deck::Slide& slide, int slide_number);

// reveal.js's data-background-image, inserted under every item of `items`
// (which are in the list's content space).
void background_image(Context& ctx, const deck::Slide& slide, DisplayList& list,
                      std::vector<Item>& items);

}  // namespace deckpdf::layout
