// layout — the three entry points of the box engine. A slide (or a flow of
// notes) is laid out in four steps:
//
//   STEP 1  style: every element gets its ComputedStyle (style/).
//   STEP 2  block formatting (block.cpp): block-level children stack
//           vertically; vertical margins of adjacent siblings collapse;
//           runs of inline children become anonymous blocks; tables
//           (table.cpp) and pictures (picture.cpp) are boxes of their own.
//   STEP 3  inline formatting (inline.h): the text of an anonymous block is
//           collected with its styles, white space processed, broken into
//           lines at UAX #14 opportunities and shaped per run, runs put in
//           bidi order; lines are aligned by text-align.
//   STEP 4  the slide (slide.cpp): content centred vertically (reveal.js
//           `center`), and shrunk when it is taller than the slide.
//
// Content carries fragment tags while it is laid out; tags_resolve
// (steps.h) makes them the items' steps, effects and links at the end.
#include "layout/layout.h"

#include <algorithm>

#include "layout/engine.h"
#include "layout/layers.h"
#include "layout/paint.h"
#include "layout/slide.h"

namespace deckpdf::layout {

DisplayList layout_slide(Context& ctx, const deck::Slide& slide, int slide_number) {
  DisplayList list;
  style::ComputedStyle section = slide_frame(ctx, slide, list);
  SlideContent content = slide_content(ctx, slide, slide_number, section, list);
  missing_glyphs_warn(ctx, slide, slide_number);
  tags_resolve(ctx, content.tags, content.items, list, slide.section);
  background_image(ctx, slide, list, content.items);
  // The slide's own gradient, else the theme's page gradient when the slide
  // has no background of its own (reveal.js draws a slide's background
  // over the page's).
  std::optional<style::CssGradient> gradient = section.background_gradient;
  const style::Theme& theme = ctx.styles.theme();
  const dom::Node& node = ctx.doc[slide.section];
  if (!gradient && theme.background_gradient && list.background == theme.background &&
      !node.attr("data-background") && !node.attr("data-background-color") &&
      !node.attr("data-background-image")) {
    gradient = theme.background_gradient;
  }
  slide_gradient(ctx, slide, gradient, list, content.items);  // under it
  list.items = std::move(content.items);
  layers_group(list);
  return list;
}

DisplayList layout_slide_number(Context& ctx, const std::string& label, float width, float height) {
  // reveal.css: .slide-number { right: 8px; bottom: 8px; padding: 5px;
  // font: 12px Helvetica, sans-serif; line-height: 1; color: #fff;
  // background-color: rgba(0, 0, 0, 0.4) }, 14px when printed.
  const float size = 14, pad = 5, inset = 8;
  DisplayList list;
  list.width = width;
  list.height = height;
  list.background = {1, 1, 1, 0};
  text::FontId font = ctx.shaper.match("Helvetica, sans-serif", 400, false);
  auto run = ctx.shaper.shape(font, size, label);
  float box_w = run->width + 2 * pad, box_h = size + 2 * pad;
  Item bg;
  bg.x = width - inset - box_w;
  bg.y = height - inset - box_h;
  bg.v = RectItem{box_w, box_h, {0, 0, 0, 0.4f}, 0, {}};
  list.items.push_back(bg);
  float a = ctx.shaper.ascent(font, size), d = ctx.shaper.descent(font, size);
  Item text;
  text.x = bg.x + pad;
  text.y = bg.y + pad + (size - (a + d)) / 2 + a;  // line-height 1, centred like CSS
  text.v = TextItem{run, {1, 1, 1, 1}, {}};
  list.items.push_back(text);
  layers_group(list);
  return list;
}

DisplayList layout_flow(Context& ctx, dom::NodeId root, const style::ComputedStyle& root_style,
                        float width) {
  DisplayList list;
  list.width = width;
  list.background = {1, 1, 1, 0};
  Engine engine(ctx, nullptr);
  engine.bands_record(&list.bands);
  std::vector<Item> items;
  Extent r = engine.children(root, root_style, 0, 0, 0, width, items);
  tags_resolve(ctx, engine.tags(), items, list, root);  // links
  list.items = std::move(items);
  list.height = r.height;
  std::stable_sort(
      list.bands.begin(), list.bands.end(),
      [](const DisplayList::Band& a, const DisplayList::Band& b) { return a.top < b.top; });
  layers_group(list);
  return list;
}

}  // namespace deckpdf::layout
