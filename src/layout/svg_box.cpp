// layout/svg_box — SVG as a picture box: where an `img`, `object`, `embed`
// or inline `svg` element gets its SVG from, and its items placed in the
// box that picture.cpp sized for it (slide backgrounds too).
#include "layout/svg_box.h"

#include "layout/svg.h"

namespace deckpdf::layout {

namespace {

svg::Env env_for(Context& ctx) {
  return svg::Env{ctx.shaper, ctx.deck_dir, ctx.asset_root, "", {}};
}

}  // namespace

// An element that shows an SVG: an inline `svg`, or an img/object/embed
// whose source is one.
std::optional<VectorPicture> vector_picture(Context& ctx, dom::NodeId id, const std::string* src,
                                            std::string& problem) {
  const dom::Node& n = ctx.doc[id];
  VectorPicture pic;
  pic.tree = std::make_shared<svg::Tree>();
  if (n.tag == "svg") {
    *pic.tree = svg::tree_from_dom(ctx.doc, id);
    pic.label = "element";
    for (const std::string& p : pic.tree->problems) {
      ctx.diags.warning(n.span, "layout.svg", "SVG element " + p);
    }
  } else if (src && svg::is_svg_source(*src)) {
    svg::Env env = env_for(ctx);
    *pic.tree = svg::load(*src, env, problem);
    pic.base = env.base;
    pic.file = env.file;
    pic.label = "'" + (src->size() > 60 ? src->substr(0, 57) + "..." : *src) + "'";
  } else {
    return std::nullopt;
  }
  svg::Intrinsic size = svg::intrinsic_size(*pic.tree);
  pic.width = size.width;
  pic.height = size.height;
  pic.ratio = size.ratio;
  return pic;
}

void vector_items(Context& ctx, const VectorPicture& pic, float x, float y, float w, float h,
                  int tag, Span span, std::vector<Item>& out) {
  svg::Env env = env_for(ctx);
  env.base = pic.base;
  env.file = pic.file;
  std::vector<Item> items;
  std::vector<std::string> problems;
  svg::draw(*pic.tree, w, h, env, items, problems);
  for (Item& it : items) {
    it.x += x;
    it.y += y;
    it.tag = tag;
    it.span = span;
    out.push_back(std::move(it));
  }
  for (const std::string& p : problems) {
    ctx.diags.warning(span, "layout.svg", "SVG " + pic.label + " " + p);
  }
}

}  // namespace deckpdf::layout
