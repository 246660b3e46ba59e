// layout/slide — the slide's box and background colour, and its content
// fitted to it: a .r-stretch picture (or box) given the height the rest leaves, an
// overfull slide laid out wider and scaled down, the content centred.
#include "layout/slide.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "layout/engine.h"
#include "style/contrast.h"
#include "text/utf8.h"

namespace deckpdf::layout {

namespace {

constexpr float reveal_margin = 0.04f;

}  // namespace

style::ComputedStyle slide_frame(Context& ctx, const deck::Slide& slide, DisplayList& list) {
  const style::Theme& theme = ctx.styles.theme();
  list.width = theme.slide_width;
  list.height = theme.slide_height;
  if (ctx.page_aspect > 0) {
    list.width = std::max(theme.slide_width, theme.slide_height * ctx.page_aspect);
    list.height = std::max(theme.slide_height, theme.slide_width / ctx.page_aspect);
  }
  list.background = theme.background;
  list.step_count = slide.step_count;

  style::ComputedStyle root = ctx.styles.root_style();
  style::ComputedStyle section = ctx.styles.compute(slide.section, root);
  if (section.background) list.background = *section.background;
  if (const std::string* bg = ctx.doc[slide.section].attr("data-background-color")) {
    if (auto c = style::parse_color(*bg)) list.background = *c;
  } else if (ctx.doc[slide.section].attr("data-background")) {
    // data-background="#000" (reveal.js's shorthand) is a colour too.
    if (auto c = style::contrast_color(ctx.doc[slide.section])) list.background = *c;
  }
  section.background.reset();  // drawn as the list's background, not as a box
  return section;
}

SlideContent slide_content(Context& ctx, const deck::Slide& slide, int slide_number,
                           const style::ComputedStyle& section, DisplayList& list) {
  const style::Theme& theme = ctx.styles.theme();
  SlideContent content;
  std::map<dom::NodeId, float> stretch;    // .r-stretch picture or box -> the height it gets
  std::map<dom::NodeId, float> stretched;  // .r-stretch picture or box -> the height it had
  bool over_budget = false;
  // One layout pass `width` wide, from scratch; returns the content height.
  auto run = [&](float width) {
    Engine engine(ctx, &slide);
    engine.stretch(&stretch, &stretched);
    float pad_x = section.padding.left + section.padding.right;
    content.items.clear();
    Extent r = engine.children(slide.section, section, 0, section.padding.left, section.padding.top,
                               width - pad_x, content.items);
    content.tags = engine.tags();
    over_budget = engine.over_budget();
    return r.height + section.padding.top + section.padding.bottom;
  };
  float height = run(list.width);
  if (over_budget) {
    // Refused after one pass; its items are dropped now, not held until
    // the export stops at the error.
    ctx.diags.error(slide.span, "layout.too-many-items",
                    "slide " + std::to_string(slide_number) + " draws more than " +
                        std::to_string(max_slide_items) +
                        " items (lines of text, boxes, rules), past the limit of " +
                        std::to_string(max_slide_items) +
                        " per slide; split its content over several slides");
    return SlideContent{};
  }
  // reveal.js's .r-stretch: a picture (or a box, a slide's own child)
  // takes the height the rest of the slide leaves (one per slide).
  // A box (not a picture) only grows so: one whose content is already
  // taller than that keeps its height, and the slide is shrunk to fit as
  // any overfull slide is, rather than its content spilling out of it.
  if (!stretched.empty()) {
    auto [node, had] = *stretched.begin();
    float room = std::max(0.0f, list.height - (height - had));
    const std::string& tag = ctx.doc[node].tag;
    bool picture = tag == "img" || tag == "svg" || tag == "object" || tag == "embed";
    if (picture || room > had) {
      stretch[node] = room;
      height = run(list.width);
    }
  }
  float scale = 1;
  // An overfull slide is shrunk into the slide less reveal.js's margin
  // (`margin: 0.04`, the part of the page it keeps empty around a slide),
  // so its content does not touch the page's edges.
  float room_w = list.width, room_h = list.height;
  if (height > list.height) {
    room_w = list.width / (1 + reveal_margin);
    room_h = list.height / (1 + reveal_margin);
    scale = std::max(theme.min_scale, room_h / height);
    height = run(room_w / scale);
    if (height * scale > room_h) scale = std::max(theme.min_scale, room_h / height);
    if (height * scale > list.height + 0.5f) {
      int over =
          static_cast<int>(std::lround(100.0 * (height * scale - list.height) / list.height));
      ctx.diags.warning(slide.span, "layout.overflow",
                        "slide " + std::to_string(slide_number) + " overflows by " +
                            std::to_string(over) + "% even at the smallest scale (" +
                            std::to_string(static_cast<int>(theme.min_scale * 100)) +
                            "%); its bottom is cut off");
      list.clip = true;
    } else {
      ctx.diags.warning(slide.span, "layout.shrunk",
                        "slide " + std::to_string(slide_number) +
                            " is taller than the page; "
                            "its content is shrunk to " +
                            std::to_string(static_cast<int>(scale * 100)) + "%");
    }
  }
  list.scale = scale;
  list.dx = (list.width - room_w) / 2;
  if (ctx.center || ctx.doc[slide.section].has_class("center")) {
    list.dy = std::max(0.0f, (list.height - height * scale) / 2);
  } else {
    // reveal.js's print view puts the slide box, margin around it, at the
    // top of the page, and the content at the top of the box.
    list.dy = (list.height - list.height / (1 + reveal_margin)) / 2;
  }
  return content;
}

void missing_glyphs_warn(Context& ctx, const deck::Slide& slide, int slide_number) {
  for (const auto& m : ctx.shaper.take_missing()) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", m.cp);
    std::string ch;
    text::utf8_append(ch, m.cp);
    // What the page shows: the .notdef glyph of the text's face, a box in
    // most faces, blank in others (Source Sans 3's).
    ctx.diags.warning(slide.span, "text.missing-glyph",
                      std::string("no font on this machine has ") + code + " '" + ch + "' (slide " +
                          std::to_string(slide_number) + "); " +
                          (m.box ? "a box is drawn in its place"
                                 : "nothing is drawn in its place, only a blank"));
  }
}

}  // namespace deckpdf::layout
